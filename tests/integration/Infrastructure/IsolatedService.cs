using Dapper;
using Npgsql;
using Trading.Integration.Tests.EndToEnd;

namespace Trading.Integration.Tests.Infrastructure;

/// <summary>
/// One service under test, as one or more processes on a database and virtual host of its own: started, killed with SIGKILL or stopped
/// with SIGTERM and started again with the same settings, its tables queried, its output kept (one log file per start) for a failing
/// test's message.
/// </summary>
internal sealed class IsolatedService : IAsyncDisposable
{
    public static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(120);

    private readonly string _service;
    private readonly string _assembly;
    private readonly Dictionary<string, string> _environment;
    private readonly string _logs;
    private readonly List<ServiceProcess> _retired = [];

    private IsolatedService(string service, string assembly, string postgres, string rabbitMq, Dictionary<string, string> environment, string logs)
    {
        _service = service;
        _assembly = assembly;
        Postgres = postgres;
        RabbitMq = rabbitMq;
        _environment = environment;
        _logs = logs;
    }

    public string Postgres { get; }

    public string RabbitMq { get; }

    /// <summary>The running processes, oldest first.</summary>
    public List<ServiceProcess> Instances { get; } = [];

    /// <summary>The oldest running process.</summary>
    public ServiceProcess First => Instances[0];

    /// <param name="service">The service's folder, for example <c>risk</c>.</param>
    /// <param name="assembly">Its assembly, for example <c>Trading.Risk</c>.</param>
    /// <param name="name">The test's name for its log folder.</param>
    /// <param name="settings">Settings over the connection strings and a 200 ms outbox poll.</param>
    public static async Task<IsolatedService> CreateAsync(
        InfrastructureFixture infrastructure, string service, string assembly, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
            ["Messaging__OutboxPollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", $"{service}-{name}-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        return new IsolatedService(service, assembly, postgres, rabbitMq, environment, logs);
    }

    /// <summary>Starts one more process and waits until it is ready.</summary>
    public async Task<ServiceProcess> StartInstanceAsync()
    {
        var process = new ServiceProcess(_service, _assembly, _environment, _logs);
        Instances.Add(process);
        process.Start();
        await process.WaitUntilReadyAsync(ReadyPatience);
        return process;
    }

    /// <summary>SIGKILL of the oldest process, and a new one in its place.</summary>
    public async Task KillAndRestartAsync()
    {
        await First.KillAsync();
        Retire();
        await StartInstanceAsync();
    }

    /// <summary>SIGTERM of the oldest process (it shuts down as it would on a server), and a new one in its place.</summary>
    public async Task StopAndRestartAsync()
    {
        await First.StopAsync();
        Retire();
        await StartInstanceAsync();
    }

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        return await connection.QuerySingleOrDefaultAsync<T>(sql, parameters);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>The recent output of every process, for a failing test's message.</summary>
    public string Logs() => string.Join("\n", Instances.Select((p, i) => $"----- {_service} {i} (exited {p.HasExited})\n{p.Tail(20)}"));

    /// <summary>Everything every process of the test wrote, the stopped ones included.</summary>
    public string AllOutput() => string.Join("\n", _retired.Concat(Instances).Select(p => p.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Instances.Concat(_retired))
        {
            await process.DisposeAsync();
        }
    }

    private void Retire()
    {
        _retired.Add(First);
        Instances.RemoveAt(0);
    }
}
