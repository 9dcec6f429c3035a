using System.Net;
using System.Text.Json;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Risk;

/// <summary>
/// Halts are state in risk's database, not in its memory: the daily loss halt and the drawdown halt, reached by real fills and closes
/// over the broker, still reject after risk is killed with SIGKILL and started again. The kill switch takes effect on the very next
/// message, and the operator endpoint refuses requests without the token.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RiskHaltTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    [Fact]
    public async Task The_daily_loss_halt_survives_a_restart_of_risk()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "daily-halt");

        // A position approved, filled (fee 2.5) and closed for a net -300: -3 % of 10,000 on the day.
        await risk.TradeAsync(RiskHarness.Signal(), fee: 2.5m, netPnl: -300m);
        var halted = await HaltedAsync(risk, "daily-loss-limit");
        Assert.Equal(DateTimeOffset.UtcNow.Date.AddDays(1), halted.ResumesAt!.Value.UtcDateTime);

        await risk.KillAndRestartAsync();

        var after = await DecideAsync(risk);
        Assert.Equal("daily-loss-limit", after.Rule);
        Assert.Contains("halted after the daily loss limit", after.Reason);
        var state = await risk.OperatorJsonAsync(HttpMethod.Get, "/operator/state");
        output.WriteLine(state.ToString());
        Assert.Equal(9_700m, state.GetProperty("account").GetProperty("equity").GetDecimal());
        Assert.Equal(-300m, state.GetProperty("account").GetProperty("realisedPnlToday").GetDecimal());
        Assert.Equal("daily-loss-limit", Assert.Single(state.GetProperty("halts").EnumerateArray()).GetProperty("rule").GetString());
        var account = risk.Events.All<AccountUpdated>().MaxBy(a => a.UpdatedAt)!;
        Assert.Equal((9_700m, 10_000m, -300m, 0, "daily-loss-limit"), (account.Equity, account.PeakEquity, account.PnlToday, account.OpenPositions, account.Halts.Single()));

        // An operator's resume lifts the kill switch and drawdown halts only: the daily halt runs to the end of the UTC day.
        var resumed = await risk.OperatorJsonAsync(HttpMethod.Post, "/operator/resume", new { reason = "try" });
        Assert.Empty(resumed.GetProperty("lifted").EnumerateArray());
        Assert.Equal("daily-loss-limit", (await DecideAsync(risk)).Rule);
    }

    [Fact]
    public async Task The_drawdown_halt_survives_a_restart_until_an_operator_resumes()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "drawdown-halt", new Dictionary<string, string> { ["Risk__MaxDailyLoss"] = "0.5" });

        await risk.TradeAsync(RiskHarness.Signal(), fee: 0m, netPnl: -1_500m);
        var halted = await HaltedAsync(risk, "max-drawdown");
        Assert.Null(halted.ResumesAt);

        await risk.KillAndRestartAsync();

        Assert.Equal("max-drawdown", (await DecideAsync(risk)).Rule);
        var resumed = await risk.OperatorJsonAsync(HttpMethod.Post, "/operator/resume", new { reason = "reviewed the losses", actor = "alice" });
        Assert.Equal(["max-drawdown"], resumed.GetProperty("lifted").EnumerateArray().Select(r => r.GetString()));
        await Eventually.Holds(() => risk.Events.All<TradingResumed>().Count == 1, RiskHarness.Patience, "TradingResumed is published");

        // The peak is reset to the equity of the resume, so the same drawdown does not halt again at once.
        var approved = await DecideAsync(risk);
        Assert.True(approved.Approved, approved.Reason);
        var audit = await risk.OperatorJsonAsync(HttpMethod.Get, "/operator/audit");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "resume" && a.GetProperty("actor").GetString() == "alice");
    }

    [Fact]
    public async Task The_kill_switch_stops_new_orders_from_the_next_message_and_needs_the_token()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "kill-switch");

        Assert.Equal(HttpStatusCode.Unauthorized, (await risk.OperatorAsync(HttpMethod.Post, "/operator/kill-switch", new { reason = "x" }, token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await risk.OperatorAsync(HttpMethod.Get, "/operator/state", token: "operator-token-for-the-tests-0002")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await risk.OperatorAsync(HttpMethod.Post, "/operator/kill-switch", new { actor = "bob" })).StatusCode);

        Assert.True((await DecideAsync(risk)).Approved);
        var engaged = await risk.OperatorJsonAsync(HttpMethod.Post, "/operator/kill-switch", new { reason = "exchange incident", actor = "bob", flatten = true });
        Assert.True(engaged.GetProperty("engaged").GetBoolean());
        await Eventually.Holds(() => Task.FromResult(risk.Flattens.Count == 1), RiskHarness.Patience, "execution is told to flatten every position");
        Assert.Null(risk.Flattens.Single().Symbol);
        Assert.Contains("exchange incident", risk.Flattens.Single().Reason);

        var next = await DecideAsync(risk, "ETH/USD");
        Assert.Equal("kill-switch", next.Rule);
        await HaltedAsync(risk, "kill-switch");

        await risk.OperatorJsonAsync(HttpMethod.Post, "/operator/resume", new { reason = "incident over", actor = "bob" });
        Assert.True((await DecideAsync(risk, "SOL/USD")).Approved);
    }

    [Fact]
    public async Task Limits_changed_at_run_time_take_effect_survive_a_restart_and_are_audited()
    {
        await using var risk = await RiskHarness.StartAsync(infrastructure, "limits");

        using var refused = await risk.OperatorAsync(HttpMethod.Put, "/operator/limits", new { limits = new { maxDrawdown = 2 }, reason = "typo" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("maxDrawdown", await refused.Content.ReadAsStringAsync());

        var limits = await risk.OperatorJsonAsync(HttpMethod.Put, "/operator/limits", new { limits = new { maxOpenPositions = 1 }, reason = "one at a time", actor = "carol" });
        Assert.Equal(1, limits.GetProperty("maxOpenPositions").GetInt32());
        await Eventually.Holds(() => risk.Events.All<RiskLimitsChanged>().Count == 1, RiskHarness.Patience, "RiskLimitsChanged is published");
        Assert.Equal(["maxOpenPositions: 2 → 1"], risk.Events.All<RiskLimitsChanged>().Single().Changes);

        await risk.KillAndRestartAsync();

        Assert.True((await DecideAsync(risk)).Approved);
        Assert.Equal("max-open-positions", (await DecideAsync(risk, "ETH/USD")).Rule);
        var audit = await risk.OperatorJsonAsync(HttpMethod.Get, "/operator/audit");
        var change = Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "limit");
        Assert.Equal("maxOpenPositions", change.GetProperty("name").GetString());
        Assert.Equal("2", change.GetProperty("oldValue").GetString());
        Assert.Equal("1", change.GetProperty("newValue").GetString());
        Assert.Equal("carol", change.GetProperty("actor").GetString());
    }

    private static async Task<TradingHalted> HaltedAsync(RiskHarness risk, string rule)
    {
        await Eventually.Holds(() => Task.FromResult(risk.Events.All<TradingHalted>().Any(h => h.Rule == rule)), RiskHarness.Patience, () => $"TradingHalted by {rule}\n{risk.Logs()}");
        return risk.Events.All<TradingHalted>().Single(h => h.Rule == rule);
    }

    private static async Task<StoredDecision> DecideAsync(RiskHarness risk, string symbol = "BTC/USD")
    {
        var signal = RiskHarness.Signal(symbol, SignalDirection.Long);
        await risk.PublishAsync(signal);
        return await risk.DecisionAsync(signal.SignalId);
    }
}
