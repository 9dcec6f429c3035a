using Trading.Signal.Backtests;
using Trading.Signal.Signals;

namespace Trading.Signal.Tests;

public sealed class BacktestGateTests
{
    [Fact]
    public void Publishes_a_signal_whose_backtest_passed()
    {
        var record = SignalMapper.ToRecord(BacktestRecords.Recorded(passed: true));

        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record, enforce: true, BacktestRecords.DefaultParameters());

        Assert.Equal(GateDecision.Published, decision);
    }

    [Fact]
    public void Suppresses_a_signal_without_a_backtest_record_saying_so()
    {
        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record: null, enforce: true, BacktestRecords.DefaultParameters());

        Assert.Equal(GateDecision.Suppressed("no backtest record for ema-cross on BTC/USD 15m"), decision);
    }

    [Fact]
    public void Suppresses_a_signal_whose_backtest_failed_with_the_records_gate_reasons()
    {
        var record = SignalMapper.ToRecord(BacktestRecords.Recorded(passed: false));

        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record, enforce: true, BacktestRecords.DefaultParameters());

        Assert.Equal(GateDecision.Suppressed("win rate 25% is not above the 33.3% break-even; profit factor is undefined"), decision);
    }

    [Fact]
    public void Says_the_backtest_failed_when_a_failed_record_gives_no_reason()
    {
        var record = SignalMapper.ToRecord(BacktestRecords.Recorded(passed: false)) with { GateReasons = [] };

        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record, enforce: true, BacktestRecords.DefaultParameters());

        Assert.Equal(GateDecision.Suppressed("the backtest of ema-cross on BTC/USD 15m did not pass the live gate"), decision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    [InlineData(true)]
    public void Publishes_every_signal_when_the_gate_is_not_enforced(bool? passed)
    {
        var record = passed is { } p ? SignalMapper.ToRecord(BacktestRecords.Recorded(passed: p)) : null;

        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record, enforce: false, BacktestRecords.DefaultParameters());

        Assert.Equal(GateDecision.Published, decision);
    }

    [Fact]
    public void Suppresses_a_passed_backtest_of_other_parameters_naming_each_difference()
    {
        var record = SignalMapper.ToRecord(BacktestRecords.Recorded(passed: true));
        var live = BacktestRecords.DefaultParameters();
        live["fast_period"] = 12;

        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record, enforce: true, live);

        Assert.Equal(
            GateDecision.Suppressed("the backtest of ema-cross on BTC/USD 15m ran with other parameters than the live ones (recorded against live: fast_period 9 against 12)"),
            decision);
    }

    [Fact]
    public void Compares_parameters_by_value_not_by_layout()
    {
        var spaced = BacktestRecords.DefaultParameters().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var record = SignalMapper.ToRecord(BacktestRecords.Recorded(passed: true)) with { Parameters = spaced };

        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record, enforce: true, BacktestRecords.DefaultParameters());

        Assert.Equal(GateDecision.Published, decision);
    }

    [Fact]
    public void Suppresses_a_record_whose_parameters_cannot_be_read()
    {
        var record = SignalMapper.ToRecord(BacktestRecords.Recorded(passed: true)) with { Parameters = "not json" };

        var decision = BacktestGate.Decide("ema-cross", "BTC/USD", "15m", record, enforce: true, BacktestRecords.DefaultParameters());

        Assert.Equal(
            GateDecision.Suppressed("the backtest of ema-cross on BTC/USD 15m ran with other parameters than the live ones (recorded against live: unreadable)"),
            decision);
    }
}
