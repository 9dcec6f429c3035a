namespace Trading.Integration.Tests.EndToEnd;

/// <summary>The six services as separate processes against one database and one virtual host.</summary>
public sealed class TradingStack : IAsyncDisposable
{
    /// <summary>Folder, assembly and start order: consumers first, so their queues exist before market data flows.</summary>
    public static readonly IReadOnlyList<(string Service, string Assembly)> Services =
    [
        ("notification", "Trading.Notification"),
        ("execution", "Trading.Execution"),
        ("risk", "Trading.Risk"),
        ("signal", "Trading.Signal"),
        ("candle-builder", "Trading.CandleBuilder"),
        ("market-data", "Trading.MarketData"),
    ];

    private static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, ServiceProcess> _processes = [];
    private readonly IReadOnlyDictionary<string, string> _environment;

    private readonly string _logDirectory;

    public TradingStack(IReadOnlyDictionary<string, string> environment, string name)
    {
        _environment = environment;
        _logDirectory = Path.Combine(Infrastructure.RepositoryPaths.Root, ".local", "test-logs", name);
    }

    public ServiceProcess this[string service] => _processes[service];

    public async Task StartAsync()
    {
        foreach (var (service, _) in Services.SkipLast(1))
        {
            Start(service);
        }

        await Task.WhenAll(_processes.Values.Select(p => p.WaitUntilReadyAsync(ReadyPatience)));
        Start("market-data");
        await _processes["market-data"].WaitUntilReadyAsync(ReadyPatience);
    }

    /// <summary>Kills a service with SIGKILL and starts a new process of it with the same settings.</summary>
    public async Task KillAndRestartAsync(string service, TimeSpan downtime)
    {
        var killed = _processes[service];
        await killed.KillAsync();
        await Task.Delay(downtime);
        Start(service);
        await _processes[service].WaitUntilReadyAsync(ReadyPatience);
        await killed.DisposeAsync();
    }

    /// <summary>Every service's recent output, for a failing test's message.</summary>
    public string Logs() =>
        string.Join("\n", _processes.Values.Select(p => $"----- {p.Service} (exited: {p.HasExited}) -----\n{p.Tail(25)}"));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Values.Select(p => p.DisposeAsync().AsTask()));
    }

    private void Start(string service)
    {
        var assembly = Services.Single(s => s.Service == service).Assembly;
        var process = new ServiceProcess(service, assembly, _environment, _logDirectory);
        process.Start();
        _processes[service] = process;
    }
}
