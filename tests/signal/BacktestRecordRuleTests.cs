using Trading.Signal.Backtests;

namespace Trading.Signal.Tests;

public sealed class BacktestRecordRuleTests
{
    private static readonly DateTimeOffset End = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Recorded = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_record_whose_data_ends_later_replaces_the_stored_one_even_if_recorded_earlier()
    {
        var supersedes = BacktestRecordRule.Supersedes(End.AddDays(1), Recorded.AddDays(-30), End, Recorded);

        Assert.True(supersedes);
    }

    [Fact]
    public void A_record_whose_data_ends_earlier_never_replaces_the_stored_one_even_if_recorded_later()
    {
        var supersedes = BacktestRecordRule.Supersedes(End.AddTicks(-10), Recorded.AddDays(30), End, Recorded);

        Assert.False(supersedes);
    }

    [Fact]
    public void On_the_same_data_the_later_recording_wins()
    {
        var later = BacktestRecordRule.Supersedes(End, Recorded.AddMinutes(1), End, Recorded);
        var same = BacktestRecordRule.Supersedes(End, Recorded, End, Recorded);
        var earlier = BacktestRecordRule.Supersedes(End, Recorded.AddMinutes(-1), End, Recorded);

        Assert.True(later);
        Assert.True(same);
        Assert.False(earlier);
    }

    [Fact]
    public void Compares_instants_not_offsets()
    {
        var shifted = BacktestRecordRule.Supersedes(End.ToOffset(TimeSpan.FromHours(2)).AddMinutes(-1), Recorded, End, Recorded);

        Assert.False(shifted);
    }
}
