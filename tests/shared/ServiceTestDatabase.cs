using System.Reflection;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Outbox;
using Trading.ServiceDefaults.Persistence;

namespace Trading.Tests;

/// <summary>
/// A schema of its own in the local Postgres (<c>ConnectionStrings__Postgres</c>, else the server <c>build/infra.sh</c> runs on
/// 127.0.0.1:55432) with a service's migrations applied, and an outbox on it. Dropped on dispose. One file, compiled into each
/// service's test project that needs a database.
/// </summary>
internal sealed class ServiceTestDatabase : IAsyncDisposable
{
    private const string LocalServer = "Host=127.0.0.1;Port=55432;Username=trading;Password=trading;Database=trading";

    private readonly string _schema;

    private ServiceTestDatabase(NpgsqlDataSource dataSource, string schema, TimeProvider timeProvider)
    {
        DataSource = dataSource;
        _schema = schema;
        Outbox = new Outbox(dataSource, new OutboxSignal(), timeProvider);
    }

    public NpgsqlDataSource DataSource { get; }

    public Outbox Outbox { get; }

    /// <param name="prefix">Starts the schema's name, e.g. <c>signal-test-</c>.</param>
    /// <param name="service">The service assembly whose migrations to apply (the outbox's are applied too).</param>
    /// <param name="timeProvider">The outbox's clock.</param>
    public static async Task<ServiceTestDatabase> CreateAsync(string prefix, Assembly service, TimeProvider timeProvider)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var identity = new ServiceIdentity(prefix + Guid.NewGuid().ToString("N")[..12]);
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } configured ? configured : LocalServer;
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = identity.Schema }.ConnectionString;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrations = new MigrationSet([typeof(Outbox).Assembly, service]);
        await new SqlMigrator(dataSource, migrations, identity, NullLogger<SqlMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new ServiceTestDatabase(dataSource, identity.Schema, timeProvider);
    }

    /// <summary>Runs <paramref name="work"/> in one committed transaction.</summary>
    public async Task<T> InTransactionAsync<T>(Func<OutboxTransaction, Task<T>> work)
    {
        T result = default!;
        await Outbox.ExecuteAsync(async tx => result = await work(tx), CancellationToken.None);
        return result;
    }

    /// <summary>The bodies of the outbox messages of type <typeparamref name="T"/>, in the order they were written.</summary>
    public async Task<List<T>> MessagesAsync<T>()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var bodies = await connection.QueryAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE message_type = @type ORDER BY sequence",
            new { type = OutboxJson.TypeName(typeof(T)) });
        return bodies.Select(body => JsonSerializer.Deserialize<T>(body, OutboxJson.Options)!).ToList();
    }

    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync($"""DROP SCHEMA IF EXISTS "{_schema}" CASCADE""");
        }

        await DataSource.DisposeAsync();
    }
}
