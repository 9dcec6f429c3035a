using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Signals;
using Trading.Integration.Tests.Infrastructure;
using Trading.Markets;
using Trading.Markets.Strategies;

namespace Trading.Integration.Tests.EndToEnd;

/// <summary>
/// The six services as separate processes on the real broker and database, fed a replay of recorded Kraken trades.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EndToEndTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_replayed_market_flows_from_trades_to_candles_signals_fills_and_a_webhook_in_one_trace()
    {
        await using var run = await ScenarioRun.StartAsync(infrastructure, new ScenarioSettings(Speed: 0, BatchSize: 100, GracePeriod: TimeSpan.FromSeconds(2)));

        await run.WaitUntilCompleteAsync(Patience);

        AssertCandlesEqualExpected(run);
        Assert.NotEmpty(run.Observer.All<SignalGenerated>());
        Assert.NotEmpty(run.Observer.All<OrderFilled>());
        Assert.NotEmpty(run.Observer.All<PositionClosed>());
        var signalHooks = run.Webhook.Requests.Where(r => r.Event == "signal-generated").ToList();
        Assert.NotEmpty(signalHooks);
        var batchTraces = run.Observer.Observed<TradesReceived>().Select(o => o.TraceId).OfType<System.Diagnostics.ActivityTraceId>().ToHashSet();
        Assert.All(signalHooks, hook => Assert.Contains(hook.TraceId ?? default, batchTraces));
    }

    [Theory]
    [InlineData("candle-builder")]
    [InlineData("signal")]
    [InlineData("risk")]
    [InlineData("execution")]
    [InlineData("notification")]
    [InlineData("market-data")]
    public async Task Killing_a_service_mid_replay_loses_and_duplicates_nothing(string service)
    {
        // A long grace period: the seconds a killed service is down must not read as a quiet market to the candle-builder.
        await using var run = await ScenarioRun.StartAsync(infrastructure, new ScenarioSettings(Speed: 2000, BatchSize: 5, GracePeriod: TimeSpan.FromMinutes(10)));
        await Eventually.Holds(() => run.Observer.All<CandleClosed>().Count >= 60, Patience, "the replay is under way\n" + run.Stack.Logs());

        await run.Stack.KillAndRestartAsync(service, TimeSpan.FromSeconds(1));
        await run.WaitUntilCompleteAsync(Patience);

        Assert.True(run.Observer.All<FeedStatusChanged>().Count(f => f.Status == FeedStatus.Completed) == 1, "the replay completes once");
        AssertCandlesEqualExpected(run);
        AssertSignalsFollowFromTheCandles(run);
        await AssertEveryOrderAndFillHappenedOnceAsync(run);
        AssertEverySignalWasNotifiedOnce(run);
        Assert.DoesNotContain(await infrastructure.QueuesAsync(run.RabbitMq), q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages > 0);
    }

    [Fact]
    public async Task A_misspelt_configuration_key_stops_a_service_at_once_naming_the_key()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = await infrastructure.CreateDatabaseAsync(),
            ["ConnectionStrings__RabbitMq"] = await infrastructure.CreateVirtualHostAsync(),
            ["Risk__MaxOpenPositons"] = "3",
        };
        await using var risk = new ServiceProcess("risk", "Trading.Risk", environment);

        risk.Start();
        var exitCode = await risk.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Risk:MaxOpenPositons", risk.Output);
    }

    /// <summary>
    /// Every minute of the recording is published once, equal field by field to the candle computed from the CSV
    /// (the last minute may still be open). After the recording ends the market clock runs on, so later minutes
    /// can only be flat synthetic candles.
    /// </summary>
    private static void AssertCandlesEqualExpected(ScenarioRun run)
    {
        var all = run.Observer.All<CandleClosed>().OrderBy(c => c.OpenedAt).ToList();
        Assert.Equal(all.Count, all.Select(c => c.OpenedAt).Distinct().Count());

        var recorded = all.Where(c => c.OpenedAt <= run.Expected[^1].OpenedAt).ToList();
        Assert.InRange(recorded.Count, run.Expected.Count - 1, run.Expected.Count);
        Assert.Equal(run.Expected.Take(recorded.Count), recorded);
        Assert.All(all.Skip(recorded.Count), c => Assert.True(c.IsSynthetic && c.Close == run.Expected[^1].Close, $"{c.OpenedAt:O} after the recording"));
    }

    /// <summary>The signals published are exactly those the backtester's runner finds on the expected candles.</summary>
    private static void AssertSignalsFollowFromTheCandles(ScenarioRun run)
    {
        var series = new StrategySeries(Interval.OneMinute, [StrategyCatalog.Create("ema-cross", new StrategySettings())], new RiskRewardMinimums().For(Interval.OneMinute));
        var expected = run.Observer.All<CandleClosed>().OrderBy(c => c.OpenedAt)
            .SelectMany(c => series.Update(ToCandle(c)))
            .Select(s => (s.SignalAt, s.Direction.ToString(), s.Entry, s.StopLoss, s.TakeProfit))
            .ToList();

        var published = run.Observer.All<SignalGenerated>().OrderBy(s => s.SignalAt)
            .Select(s => (s.SignalAt, s.Direction.ToString(), s.Entry, s.StopLoss, s.TakeProfit))
            .ToList();

        Assert.Equal(expected, published);
        Assert.Equal(published.Count, run.Observer.All<SignalGenerated>().Select(s => s.SignalId).Distinct().Count());
    }

    private static async Task AssertEveryOrderAndFillHappenedOnceAsync(ScenarioRun run)
    {
        var signals = run.Observer.All<SignalGenerated>().Select(s => s.SignalId).ToHashSet();
        var decided = await run.QueryAsync<Guid>("SELECT signal_id FROM risk.decisions");
        Assert.Equal(signals.Order(), decided.Order());

        var approved = await run.QueryAsync<Guid>("SELECT signal_id FROM risk.decisions WHERE approved");
        var ordered = await run.QueryAsync<Guid>("SELECT signal_id FROM execution.orders");
        Assert.Equal(approved.Order(), ordered.Order());

        var openingFills = run.Observer.All<OrderFilled>().Where(f => f.OpensPosition).ToList();
        Assert.Equal(openingFills.Count, openingFills.Select(f => f.ClientOrderId).Distinct().Count());
        var filledOrders = await run.QueryAsync<string>("SELECT client_order_id FROM execution.orders WHERE status = 'filled'");
        Assert.Equal(filledOrders.Order(), openingFills.Select(f => f.ClientOrderId).Order());

        var closes = run.Observer.All<PositionClosed>();
        Assert.Equal(closes.Count, closes.Select(c => c.PositionId).Distinct().Count());
        Assert.All(closes, c => Assert.Contains(openingFills, f => f.PositionId == c.PositionId));
        var closingFills = run.Observer.All<OrderFilled>().Where(f => !f.OpensPosition).ToList();
        Assert.Equal(closes.Select(c => c.PositionId).Order(), closingFills.Select(f => f.PositionId).Order());
    }

    private static void AssertEverySignalWasNotifiedOnce(ScenarioRun run)
    {
        var signalMessages = run.Observer.Observed<SignalGenerated>().Select(o => o.MessageId.ToString()).Order();

        // A crash between the webhook call and its delivery-log commit may repeat a request; it carries the same
        // Idempotency-Key, so the receiver can tell. Distinct keys must match the signals one to one.
        var notified = run.Webhook.Requests.Where(r => r.Event == "signal-generated").Select(r => r.IdempotencyKey).Distinct().Order();

        Assert.Equal(signalMessages, notified);
    }

    private static Candle ToCandle(CandleClosed c) => new()
    {
        OpenedAt = c.OpenedAt,
        ClosedAt = c.ClosedAt,
        Open = c.Open,
        High = c.High,
        Low = c.Low,
        Close = c.Close,
        Volume = c.Volume,
        TradeCount = c.TradeCount,
        IsSynthetic = c.IsSynthetic,
    };
}
