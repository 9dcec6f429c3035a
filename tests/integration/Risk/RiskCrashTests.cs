using Trading.Contracts.Signals;
using Trading.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Risk;

/// <summary>
/// Risk killed with SIGKILL between its decision and the <c>PlaceOrder</c> leaving: after the restart and a redelivery of the signal,
/// execution's queue holds exactly one order for it and risk exactly one decision and one position. And a hot standby takes over the
/// queues when the active instance dies.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RiskCrashTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    [Fact]
    public async Task A_kill_between_decision_and_place_order_leaves_exactly_one_order_and_one_position()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "crash", new Dictionary<string, string> { ["Risk__MaxOpenPositions"] = "20" });
        string[] symbols = ["BTC/USD", "ETH/USD", "SOL/USD", "XRP/USD", "ADA/USD"];
        var signals = new List<SignalGenerated>();
        for (var round = 0; round < symbols.Length; round++)
        {
            var signal = RiskHarness.Signal(symbols[round]);
            signals.Add(signal);
            await risk.PublishAsync(signal);

            // Kill as soon as the decision is committed (its PlaceOrder is then in the outbox, perhaps not yet sent), or after a
            // little longer in later rounds, so the kill falls at different points of the dispatch.
            await risk.DecisionAsync(signal.SignalId);
            await Task.Delay(round * 15);
            await risk.KillAndRestartAsync();

            // The signal service republishes (a new message id): risk must recognise the signal, not the message.
            await risk.PublishAsync(signal);
        }

        await Eventually.Holds(
            () => Task.FromResult(signals.All(s => risk.Orders.Any(o => o.SignalId == s.SignalId))),
            RiskHarness.Patience,
            () => $"every signal's PlaceOrder reaches execution's queue\n{risk.Logs()}");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Eventually.Holds(
            async () => await risk.CountAsync("SELECT count(*) FROM risk.outbox_messages WHERE dispatched_at IS NULL") == 0,
            RiskHarness.Patience,
            "risk's outbox is empty");

        foreach (var signal in signals)
        {
            var orders = risk.Orders.Where(o => o.SignalId == signal.SignalId).DistinctBy(o => o.OrderId).ToList();
            output.WriteLine($"{signal.Symbol}: {risk.Orders.Count(o => o.SignalId == signal.SignalId)} deliveries of {orders.Count} distinct order(s)");
            Assert.Single(orders);
            Assert.Equal(1, await risk.CountAsync("SELECT count(*) FROM risk.decisions WHERE signal_id = @id", new { id = signal.SignalId }));
            Assert.Equal(1, await risk.CountAsync("SELECT count(*) FROM risk.positions WHERE signal_id = @id", new { id = signal.SignalId }));
        }

        // Each PlaceOrder left the outbox once; a delivery twice would carry the same order id and client order id (execution dedupes on it).
        Assert.Equal(signals.Count, await risk.CountAsync("SELECT count(*) FROM risk.outbox_messages WHERE message_type LIKE '%PlaceOrder%'"));
    }

    [Fact]
    public async Task A_place_order_stuck_in_the_outbox_when_risk_dies_leaves_exactly_once_after_the_restart()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "crash-outbox");

        // Risk may not publish to execution's exchange: its decision commits, the PlaceOrder stays in the outbox.
        await infrastructure.SetPermissionsAsync(risk.RabbitMq, ".*", "^(?!execution-place-order$).*", ".*");
        var signal = RiskHarness.Signal();
        await risk.PublishAsync(signal);
        Assert.True((await risk.DecisionAsync(signal.SignalId)).Approved);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await risk.CountAsync("SELECT count(*) FROM risk.outbox_messages WHERE dispatched_at IS NULL AND message_type LIKE '%PlaceOrder%'"));
        Assert.Empty(risk.Orders);

        await risk.Risk.KillAsync();
        await infrastructure.SetPermissionsAsync(risk.RabbitMq, ".*", ".*", ".*");
        await risk.KillAndRestartAsync();
        await risk.PublishAsync(signal);

        await Eventually.Holds(() => Task.FromResult(risk.Orders.Count > 0), RiskHarness.Patience, () => $"the PlaceOrder leaves after the restart\n{risk.Logs()}");
        await Eventually.Holds(
            async () => await risk.CountAsync("SELECT count(*) FROM risk.outbox_messages WHERE dispatched_at IS NULL") == 0, RiskHarness.Patience, "the outbox drains");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(signal.SignalId, Assert.Single(risk.Orders.DistinctBy(o => o.OrderId)).SignalId);
        Assert.Equal(1, await risk.CountAsync("SELECT count(*) FROM risk.decisions"));
        Assert.Equal(1, await risk.CountAsync("SELECT count(*) FROM risk.positions"));
    }

    [Fact]
    public async Task A_hot_standby_takes_over_when_the_active_instance_dies()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "standby", instances: 2);
        var active = risk.Instances[0];
        var standby = risk.Instances[1];

        var first = RiskHarness.Signal("BTC/USD");
        await risk.PublishAsync(first);
        Assert.True((await risk.DecisionAsync(first.SignalId)).Approved);
        Assert.Contains(first.SignalId.ToString(), active.Output);
        Assert.DoesNotContain(first.SignalId.ToString(), standby.Output);

        await active.KillAsync();
        var second = RiskHarness.Signal("ETH/USD");
        await risk.PublishAsync(second);
        Assert.True((await risk.DecisionAsync(second.SignalId)).Approved);
        Assert.Contains(second.SignalId.ToString(), standby.Output);
        await Eventually.Holds(() => Task.FromResult(risk.Orders.Any(o => o.SignalId == second.SignalId)), RiskHarness.Patience, "the standby's PlaceOrder");
    }
}
