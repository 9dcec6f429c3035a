using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Trading.Integration.Tests.Infrastructure;

/// <summary>
/// Real Postgres and RabbitMQ for the integration tests. The servers come from the environment
/// (<c>ConnectionStrings__Postgres</c>, <c>ConnectionStrings__RabbitMq</c>, <c>TRADING_RABBITMQ_MANAGEMENT</c>) when set,
/// otherwise from <c>build/infra.sh</c>, which starts them from the operating system's packages. Each test gets its own
/// database and virtual host, so tests never see each other's data.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private readonly List<string> _virtualHosts = [];
    private HttpClient _management = null!;

    public ServerEndpoints Servers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Servers = FromEnvironment() ?? await StartLocalServersAsync();
        var management = new UriBuilder(Servers.RabbitMqManagement) { UserName = "", Password = "" }.Uri;
        _management = new HttpClient { BaseAddress = management };
        var credentials = Uri.UnescapeDataString(Servers.RabbitMqManagement.UserInfo);
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(Servers.Postgres))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(Servers.Postgres) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>A fresh virtual host; returns the amqp URI that points at it.</summary>
    public async Task<string> CreateVirtualHostAsync()
    {
        var name = "test-" + Guid.NewGuid().ToString("N")[..16];
        var user = new Uri(Servers.RabbitMq).UserInfo.Split(':')[0];
        (await _management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await _management.PutAsJsonAsync($"api/permissions/{name}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        _virtualHosts.Add(name);
        return new UriBuilder(Servers.RabbitMq) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>
    /// Sets what the servers' user may do on the virtual host of <paramref name="amqpUri"/> (RabbitMQ permission regexes), for
    /// example to stop a service publishing to one exchange; new connections and channels get the new permissions.
    /// </summary>
    public async Task SetPermissionsAsync(string amqpUri, string configure, string write, string read)
    {
        var virtualHost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        var user = new Uri(Servers.RabbitMq).UserInfo.Split(':')[0];
        (await _management.PutAsJsonAsync($"api/permissions/{virtualHost}/{Uri.EscapeDataString(user)}", new { configure, write, read })).EnsureSuccessStatusCode();
    }

    /// <summary>Messages waiting in a queue of a virtual host, as the management API reports them.</summary>
    public async Task<IReadOnlyList<QueueInfo>> QueuesAsync(string amqpUri)
    {
        var virtualHost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        return await _management.GetFromJsonAsync<List<QueueInfo>>($"api/queues/{virtualHost}") ?? [];
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(Servers.Postgres))
        {
            await connection.OpenAsync();
            foreach (var database in _databases)
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        foreach (var virtualHost in _virtualHosts)
        {
            await _management.DeleteAsync($"api/vhosts/{virtualHost}");
        }

        _management.Dispose();
    }

    private static ServerEndpoints? FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        var rabbit = Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq");
        var management = Environment.GetEnvironmentVariable("TRADING_RABBITMQ_MANAGEMENT");
        return postgres is { Length: > 0 } && rabbit is { Length: > 0 } && management is { Length: > 0 }
            ? new ServerEndpoints(postgres, rabbit, new Uri(management), Environment.GetEnvironmentVariable("TRADING_RABBITMQ_PROMETHEUS") is { Length: > 0 } prometheus ? new Uri(prometheus) : null)
            : null;
    }

    private static async Task<ServerEndpoints> StartLocalServersAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "build", "infra.sh");
        await RunAsync(script, "start");
        var variables = (await RunAsync(script, "env"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Replace("export ", "", StringComparison.Ordinal).Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim().Trim('"'));
        return new ServerEndpoints(
            variables["ConnectionStrings__Postgres"],
            variables["ConnectionStrings__RabbitMq"],
            new Uri(variables["TRADING_RABBITMQ_MANAGEMENT"]),
            new Uri(variables["TRADING_RABBITMQ_PROMETHEUS"]));
    }

    private static async Task<string> RunAsync(string script, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, argument])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/infra.sh {argument} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        return await output;
    }
}
