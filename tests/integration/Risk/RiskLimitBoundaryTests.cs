using System.Globalization;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Integration.Tests.Infrastructure;
using Trading.Markets.Risk;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Risk;

/// <summary>
/// Every limit of the risk gate at its boundary, through the real broker and database: the risk service runs as a process, the
/// account is arranged in its tables, limits are set through the operator endpoint, a <c>SignalGenerated</c> goes over RabbitMQ, and
/// the stored decision (and the <c>PlaceOrder</c> or <c>SignalRejected</c>) is checked. Each limit is checked at its boundary and one
/// step before it. Equity 10,000, risk 2 %, entry 45,000, stop 44,500 unless a case says otherwise.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RiskLimitBoundaryTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.Date.AddDays(-1).AddHours(12);

    [Fact]
    public async Task Each_limit_rejects_exactly_at_its_boundary_and_not_one_step_before()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "boundaries", new Dictionary<string, string>
        {
            // The venue's lot size and minimum for one symbol: 0.11111111 rounds down to 0.111.
            ["Risk__Instruments__0__Symbol"] = "XBT/EUR",
            ["Risk__Instruments__0__QuantityStep"] = "0.001",
            ["Risk__Instruments__0__MinQuantity"] = "0.111",
            ["Risk__Instruments__1__Symbol"] = "XBT/GBP",
            ["Risk__Instruments__1__QuantityStep"] = "0.001",
            ["Risk__Instruments__1__MinQuantity"] = "0.112",
        });
        var (btc, eth) = CorrelatedCloses();
        var r = ReturnCorrelation.Pearson(ReturnCorrelation.SimpleReturns(btc), ReturnCorrelation.SimpleReturns(eth));
        var cases = new List<BoundaryCase>
        {
            // The worked example: 10,000 × 2 % ÷ (45,000 − 44,500) = 0.4 units, 18,000 notional when the cap allows it …
            new("worked example, cap allows 18,000", Limits(("maxPositionNotional", 1.8m)), _ => Task.CompletedTask, Signal(), Approve(0.4m, 18_000m)),
            // … and the capped size when it does not: 50 % of 10,000 = 5,000 notional = 0.11111111 units.
            new("worked example, default cap 50 %", NoLimits, _ => Task.CompletedTask, Signal(), Approve(0.11111111m, 0.11111111m * 45_000m)),
            new("notional cap one step below 18,000", Limits(("maxPositionNotional", 1.7999m)), _ => Task.CompletedTask, Signal(), Approve(0.39997777m, 0.39997777m * 45_000m)),

            new("max-open-positions: 2 open", NoLimits, Open(("ETH/USD", "Long", 1_000m), ("SOL/USD", "Short", 1_000m)), Signal(), Reject("max-open-positions")),
            new("max-open-positions: 1 open", NoLimits, Open(("ETH/USD", "Long", 1_000m)), Signal(), Approve()),

            new("duplicate-position: long BTC open", NoLimits, Open(("BTC/USD", "Long", 1_000m)), Signal(), Reject("duplicate-position")),
            new("duplicate-position: short BTC open", NoLimits, Open(("BTC/USD", "Short", 1_000m)), Signal(), Approve()),

            new("daily-loss-limit: -300 today (-3 %)", NoLimits, Booked(-300m, DateTimeOffset.UtcNow), Signal(), Reject("daily-loss-limit")),
            new("daily-loss-limit: -299.99 today", NoLimits, Booked(-299.99m, DateTimeOffset.UtcNow), Signal(), Approve()),

            new("max-drawdown: 15 % below the peak", NoLimits, Drawdown(-1_500m), Signal(), Reject("max-drawdown")),
            new("max-drawdown: 14.9999 % below the peak", NoLimits, Drawdown(-1_499.99m), Signal(), Approve()),

            new("loss-cooldown: 3 losses in a row, the last 1 h ago", NoLimits, Losses(3, TimeSpan.FromHours(1)), Signal(), Reject("loss-cooldown")),
            new("loss-cooldown: 2 losses in a row", NoLimits, Losses(2, TimeSpan.FromHours(1)), Signal(), Approve()),
            new("loss-cooldown: 3 losses, the last 4 h 1 min ago", NoLimits, Losses(3, TimeSpan.FromMinutes(241)), Signal(), Approve()),

            new("correlated-exposure: r equal to the threshold", Limits(("correlationThreshold", r)), Correlated(btc, eth), Signal(), Reject("correlated-exposure")),
            new("correlated-exposure: threshold a step above r", Limits(("correlationThreshold", r + 1e-9)), Correlated(btc, eth), Signal(), Approve()),

            // Perpetual: the new position is capped at 0.11111111 (notional 4,999.99995); open 5,000.00005 makes leverage exactly 1.
            new("max-leverage: total notional equal to equity", NoLimits, Open(("ETH/USD:PERP", "Short", 5_000.00005m)), Signal("BTC/USD:PERP"), Approve(0.11111111m, 0.11111111m * 45_000m)),
            new("max-leverage: total notional a step above equity", NoLimits, Open(("ETH/USD:PERP", "Short", 5_000.00006m)), Signal("BTC/USD:PERP"), Reject("max-leverage")),

            new("below-min-quantity: size equal to the minimum", Limits(("minQuantity", 0.11111111m)), _ => Task.CompletedTask, Signal(), Approve(0.11111111m)),
            new("below-min-quantity: minimum a step above the size", Limits(("minQuantity", 0.11111112m)), _ => Task.CompletedTask, Signal(), Reject("below-min-quantity")),

            new("lot size of the symbol: 0.111 at its minimum", NoLimits, _ => Task.CompletedTask, Signal("XBT/EUR"), Approve(0.111m, 0.111m * 45_000m)),
            new("lot size of the symbol: minimum a lot above", NoLimits, _ => Task.CompletedTask, Signal("XBT/GBP"), Reject("below-min-quantity")),

            new("invalid-stop: stop at entry", NoLimits, _ => Task.CompletedTask, Signal(stopLoss: 45_000m), Reject("invalid-stop")),
            new("invalid-stop: stop a cent below entry", NoLimits, _ => Task.CompletedTask, Signal(stopLoss: 44_999.99m), Approve()),

            new("kill-switch engaged", NoLimits, KillSwitch, Signal(), Reject("kill-switch")),

            // Kelly: W 0.5, mean win 2 R, mean loss 1 R → f* = 0.25, half-Kelly 0.125, capped at 2 % → the worked example's 0.4.
            new("kelly: no backtest edge", Limits(("sizing", "Kelly"), ("maxPositionNotional", 1.8m)), _ => Task.CompletedTask, Signal(), Reject("no-backtest-record")),
            new("kelly: capped at 2 %", Limits(("sizing", "Kelly"), ("maxPositionNotional", 1.8m)), _ => Task.CompletedTask, Signal(backtest: Record(0.5m)), Approve(0.4m, 18_000m)),
            new("kelly: cap at half-Kelly 12.5 %", Limits(("sizing", "Kelly"), ("kellyCap", 0.125m), ("maxPositionNotional", 20m)), _ => Task.CompletedTask, Signal(backtest: Record(0.5m)), Approve(2.5m, 112_500m)),
            new("kelly: f* = 0 (W 1/3)", Limits(("sizing", "Kelly")), _ => Task.CompletedTask, Signal(backtest: Record(1m / 3m, averageWinR: 2m)), Reject("negative-kelly")),
            new("kelly: f* > 0 (W 0.34)", Limits(("sizing", "Kelly")), _ => Task.CompletedTask, Signal(backtest: Record(0.34m)), Approve()),
        };

        var failures = new List<string>();
        foreach (var @case in cases)
        {
            await risk.ResetAsync();
            if (@case.Limits.Count > 0)
            {
                await risk.SetLimitsAsync(@case.Limits);
            }

            await @case.Arrange(risk);
            var signal = @case.Signal();
            await risk.PublishAsync(signal);
            var decision = await risk.DecisionAsync(signal.SignalId);
            var verdict = decision.Approved ? $"approved {decision.Quantity} (notional {decision.Notional})" : $"rejected by {decision.Rule}";
            output.WriteLine($"{@case.Name}: {verdict}. {decision.Reason}");
            if (@case.Expected.Check(decision) is { } failure)
            {
                failures.Add($"{@case.Name}: {failure}; {decision.Reason}");
            }

            Assert.NotNull(decision.Inputs);
            await AnnouncedAsync(risk, signal.SignalId, decision);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + risk.Logs());
    }

    private static readonly IReadOnlyDictionary<string, object> NoLimits = new Dictionary<string, object>();

    private static Dictionary<string, object> Limits(params (string Name, object Value)[] limits) =>
        limits.ToDictionary(l => l.Name, l => l.Value);

    private static Func<SignalGenerated> Signal(string symbol = "BTC/USD", decimal? stopLoss = null, BacktestRecord? backtest = null) =>
        () => RiskHarness.Signal(symbol, SignalDirection.Long, 45_000m, stopLoss, backtest);

    private static Expectation Approve(decimal? quantity = null, decimal? notional = null) => new(true, null, quantity, notional);

    private static Expectation Reject(string rule) => new(false, rule, null, null);

    private static Func<RiskHarness, Task> Open(params (string Symbol, string Direction, decimal Notional)[] positions) => async risk =>
    {
        foreach (var (symbol, direction, notional) in positions)
        {
            var id = Guid.NewGuid();
            await risk.ExecuteAsync(
                """
                INSERT INTO risk.positions (signal_id, order_id, client_order_id, venue, symbol, direction, status, quantity, entry, notional, opened_at, updated_at)
                VALUES (@id, @id, @clientOrderId, 'KRAKEN', @symbol, @direction, 'open', 1, @notional, @notional, now(), now())
                """,
                new { id, clientOrderId = "sig-" + id.ToString("N")[..24], symbol, direction, notional });
        }
    };

    private static Func<RiskHarness, Task> Booked(decimal amount, DateTimeOffset bookedAt) => risk =>
        risk.ExecuteAsync(
            """
            INSERT INTO risk.ledger (reference, kind, signal_id, amount, event_at, booked_at)
            VALUES (@reference, 'realised', @signalId, @amount, @bookedAt, @bookedAt)
            """,
            new { reference = "test|" + Guid.NewGuid(), signalId = Guid.NewGuid(), amount, bookedAt });

    /// <summary>A loss booked yesterday (so today's P&amp;L is 0) from a peak of 10,000.</summary>
    private static Func<RiskHarness, Task> Drawdown(decimal loss) => async risk =>
    {
        await risk.ExecuteAsync("INSERT INTO risk.account_state (id, peak_equity, updated_at) VALUES (1, 10000, now())");
        await Booked(loss, Yesterday)(risk);
    };

    /// <summary>Closed losing positions of 1 each (too small to trip a loss limit), the newest booked <paramref name="ago"/> ago.</summary>
    private static Func<RiskHarness, Task> Losses(int count, TimeSpan ago) => async risk =>
    {
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            var bookedAt = DateTimeOffset.UtcNow - ago - TimeSpan.FromMinutes(i);
            await risk.ExecuteAsync(
                """
                INSERT INTO risk.positions (signal_id, order_id, client_order_id, venue, symbol, direction, status, quantity, entry, notional,
                                            realized_pnl, closed_booked_at, updated_at)
                VALUES (@id, @id, @clientOrderId, 'KRAKEN', 'ETH/USD', 'Long', 'closed', 1, 1, 1, -1, @bookedAt, @bookedAt)
                """,
                new { id, clientOrderId = "sig-" + id.ToString("N")[..24], bookedAt });
        }

        // A winner closed before the streak: only the losses after it count.
        var winner = Guid.NewGuid();
        await risk.ExecuteAsync(
            """
            INSERT INTO risk.positions (signal_id, order_id, client_order_id, venue, symbol, direction, status, quantity, entry, notional,
                                        realized_pnl, closed_booked_at, updated_at)
            VALUES (@winner, @winner, @clientOrderId, 'KRAKEN', 'ETH/USD', 'Long', 'closed', 1, 1, 1, 5, @bookedAt, @bookedAt)
            """,
            new { winner, clientOrderId = "sig-" + winner.ToString("N")[..24], bookedAt = DateTimeOffset.UtcNow - ago - TimeSpan.FromHours(1) });
    };

    /// <summary>An open ETH long, and hourly closes of BTC and ETH that moved together.</summary>
    private static Func<RiskHarness, Task> Correlated(IReadOnlyList<decimal> btc, IReadOnlyList<decimal> eth) => async risk =>
    {
        await Open(("ETH/USD", "Long", 1_000m))(risk);
        var start = DateTimeOffset.UtcNow.Date.AddDays(-3);
        for (var i = 0; i < btc.Count; i++)
        {
            await risk.ExecuteAsync(
                "INSERT INTO risk.candle_closes (symbol, closed_at, close) VALUES ('BTC/USD', @at, @btc), ('ETH/USD', @at, @eth)",
                new { at = start.AddHours(i), btc = btc[i], eth = eth[i] });
        }
    };

    private static Task KillSwitch(RiskHarness risk) =>
        risk.OperatorJsonAsync(HttpMethod.Post, "/operator/kill-switch", new { reason = "boundary test", actor = "tests" });

    private static (IReadOnlyList<decimal> Btc, IReadOnlyList<decimal> Eth) CorrelatedCloses()
    {
        var btc = new List<decimal>();
        var eth = new List<decimal>();
        decimal b = 45_000m, e = 3_000m;
        for (var i = 0; i < 40; i++)
        {
            var move = (decimal)Math.Sin(i * 0.7) / 100m;
            b *= 1 + move;
            e *= 1 + (move * 1.2m) + ((i % 3) - 1) / 2_000m;
            btc.Add(Math.Round(b, 2));
            eth.Add(Math.Round(e, 2));
        }

        return (btc, eth);
    }

    private static BacktestRecord Record(decimal winRate, decimal averageWinR = 2m) => new()
    {
        DataStartAt = DateTimeOffset.UtcNow.AddDays(-60),
        DataEndAt = DateTimeOffset.UtcNow.AddDays(-1),
        Parameters = "{}",
        Trades = 100,
        Wins = (int)(winRate * 100),
        WinRate = winRate,
        ProfitFactor = 1.5m,
        ExpectancyR = 0.3m,
        NetPnl = 1_000m,
        MaxDrawdownPct = 5m,
        BreakevenWinRate = 0.33m,
        Passed = true,
        GateReasons = [],
        RecordedAt = DateTimeOffset.UtcNow,
        AverageWinR = averageWinR,
        AverageLossR = 1m,
    };

    /// <summary>An approval sends exactly one PlaceOrder of the decided quantity; a rejection publishes SignalRejected with the rule.</summary>
    private static async Task AnnouncedAsync(RiskHarness risk, Guid signalId, StoredDecision decision)
    {
        if (decision.Approved)
        {
            await Eventually.Holds(() => risk.Orders.Any(o => o.SignalId == signalId), RiskHarness.Patience, $"a PlaceOrder for {signalId}");
            Assert.Equal(decision.Quantity, risk.Orders.Single(o => o.SignalId == signalId).Quantity);
            await Eventually.Holds(
                () => Task.FromResult(risk.Events.All<SignalApproved>().Any(a => a.SignalId == signalId)), RiskHarness.Patience, $"a SignalApproved for {signalId}");
            var approved = risk.Events.All<SignalApproved>().Single(a => a.SignalId == signalId);
            Assert.Equal((decision.Quantity, decision.Notional, decision.Reason), (approved.Quantity, approved.Notional, approved.SizingReason));
        }
        else
        {
            await Eventually.Holds(
                () => risk.Events.All<SignalRejected>().Any(s => s.SignalId == signalId), RiskHarness.Patience, $"a SignalRejected for {signalId}");
            Assert.Equal(decision.Rule, risk.Events.All<SignalRejected>().Single(s => s.SignalId == signalId).Rule);
            Assert.DoesNotContain(risk.Orders, o => o.SignalId == signalId);
        }
    }

    private sealed record BoundaryCase(
        string Name, IReadOnlyDictionary<string, object> Limits, Func<RiskHarness, Task> Arrange, Func<SignalGenerated> Signal, Expectation Expected);

    private sealed record Expectation(bool Approved, string? Rule, decimal? Quantity, decimal? Notional)
    {
        public string? Check(StoredDecision decision)
        {
            if (decision.Approved != Approved || decision.Rule != Rule)
            {
                return Approved ? $"expected approval, got {decision.Rule}" : $"expected rejection by {Rule}, got {(decision.Approved ? "approval" : decision.Rule)}";
            }

            if (Quantity is { } quantity && decision.Quantity != quantity)
            {
                return string.Create(CultureInfo.InvariantCulture, $"expected quantity {quantity}, got {decision.Quantity}");
            }

            return Notional is { } notional && decision.Notional != notional
                ? string.Create(CultureInfo.InvariantCulture, $"expected notional {notional}, got {decision.Notional}")
                : null;
        }
    }
}
