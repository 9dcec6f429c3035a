using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Outbox;
using Trading.ServiceDefaults.Persistence;

namespace Trading.Cli.Tests.Export;

/// <summary>
/// A schema of its own in the local Postgres with one service's migrations, as the service creates its schema: the shared
/// migrator applies the outbox's, then the service's numbered <c>Migrations/*.sql</c> run in order with the schema as search
/// path (<see cref="SqlMigrator"/>). The service's files are read from its source folder, so the CLI tests need not build the
/// service and always see its newest columns. Dropped on dispose.
/// </summary>
internal sealed class ServiceSchema : IAsyncDisposable
{
    private const string LocalServer = "Host=127.0.0.1;Port=55432;Username=trading;Password=trading;Database=trading";

    private ServiceSchema(string server, string schema, NpgsqlDataSource dataSource)
    {
        Server = server;
        Name = schema;
        DataSource = dataSource;
    }

    /// <summary>The connection string of the server, without a search path: what <c>--postgres</c> gets.</summary>
    public string Server { get; }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <param name="service">The service's folder under <c>services/</c>: execution, signal or risk.</param>
    public static async Task<ServiceSchema> CreateAsync(string service)
    {
        var identity = new ServiceIdentity($"{service}-export-test-" + Guid.NewGuid().ToString("N")[..12]);
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } configured ? configured : LocalServer;
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { SearchPath = identity.Schema }.ConnectionString);
        await new SqlMigrator(dataSource, new MigrationSet([typeof(Outbox).Assembly]), identity, NullLogger<SqlMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "services", service, "Migrations"), "*.sql").Order(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync($"""SET LOCAL search_path TO "{identity.Schema}"; {await File.ReadAllTextAsync(file)}""", transaction: transaction);
        }

        await transaction.CommitAsync();
        return new ServiceSchema(server, identity.Schema, dataSource);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<List<string>> ColumnsAsync(string table)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table ORDER BY ordinal_position",
            new { schema = Name, table })).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync($"""DROP SCHEMA IF EXISTS "{Name}" CASCADE""");
        }

        await DataSource.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Trading.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Trading.sln not found above the test binaries");
    }
}
