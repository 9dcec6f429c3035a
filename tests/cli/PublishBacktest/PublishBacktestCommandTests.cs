using System.Threading.Channels;
using MassTransit;
using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Cli.Tests.PublishBacktest;

[Trait("Category", "Integration")]
public sealed class PublishBacktestCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Now = new(2025, 11, 10, 17, 30, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("trading-publish-backtest-").FullName;
    private readonly Channel<BacktestRecorded> _received = Channel.CreateUnbounded<BacktestRecorded>();
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();
    private TestVirtualHost _virtualHost = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        _virtualHost = await TestVirtualHost.CreateAsync();
        var address = RabbitMqAddress.Parse(_virtualHost.AmqpUri, "test");
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
            });
            rabbit.ReceiveEndpoint("test-backtest-recorded", endpoint =>
            {
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.Handler<BacktestRecorded>(context => _received.Writer.WriteAsync(context.Message).AsTask());
            });
        });
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _virtualHost.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Publishes_one_backtest_record_per_result_of_the_report()
    {
        var report = Write(BacktestReports.Report(BacktestReports.Result(), BacktestReports.Result(strategy: "rsi-reversion", interval: "1h", passed: false)));

        var exitCode = await RunAsync("--report", report, "--rabbitmq", _virtualHost.AmqpUri);
        var first = await ReceiveAsync();
        var second = await ReceiveAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(("ema-cross", "15m", true, Now), (first.Strategy, first.Interval, first.Passed, first.RecordedAt));
        Assert.Equal(("rsi-reversion", "1h", false), (second.Strategy, second.Interval, second.Passed));
        Assert.Equal(["profit factor is undefined", "fewer than 100 trades"], second.GateReasons);
        Assert.Contains("Published 2 backtest records.", _output.ToString());
    }

    [Fact]
    public async Task Takes_the_broker_from_the_environment_when_no_option_names_it()
    {
        var report = Write(BacktestReports.Report(BacktestReports.Result()));
        var previous = Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq");
        Environment.SetEnvironmentVariable("ConnectionStrings__RabbitMq", _virtualHost.AmqpUri);
        int exitCode;
        try
        {
            exitCode = await RunAsync("--report", report);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__RabbitMq", previous);
        }

        var received = await ReceiveAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("ema-cross", received.Strategy);
    }

    [Fact]
    public async Task A_malformed_report_exits_1_naming_the_field_and_publishes_nothing()
    {
        var good = BacktestReports.Result(strategy: "first-good");
        var bad = BacktestReports.Result();
        bad["win_rate"] = "high";
        var malformed = Write(BacktestReports.Report(good, bad));
        var valid = Write(BacktestReports.Report(BacktestReports.Result(strategy: "after")));

        var exitCode = await RunAsync("--report", malformed, "--rabbitmq", _virtualHost.AmqpUri);
        await RunAsync("--report", valid, "--rabbitmq", _virtualHost.AmqpUri);
        var firstReceived = await ReceiveAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("results[1].win_rate must be a number, not the string \"high\"", _errors.ToString());
        Assert.Contains("Nothing was published.", _errors.ToString());
        Assert.Equal("after", firstReceived.Strategy);
    }

    [Theory]
    [InlineData("missing.json", "does not exist")]
    [InlineData(null, "--report")]
    public async Task A_missing_report_exits_2(string? file, string named)
    {
        string[] args = file is null ? ["--rabbitmq", _virtualHost.AmqpUri] : ["--report", Path.Combine(_directory, file), "--rabbitmq", _virtualHost.AmqpUri];

        var exitCode = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(named, _errors.ToString());
    }

    private async Task<int> RunAsync(params string[] args) =>
        await Program.InvokeAsync(["publish-backtest", .. args], new FixedTimeProvider(Now), _output, _errors);

    private string Write(string report)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + "-report.json");
        File.WriteAllText(path, report);
        return path;
    }

    private async Task<BacktestRecorded> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
