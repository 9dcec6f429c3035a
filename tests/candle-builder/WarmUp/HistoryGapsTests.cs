using Trading.CandleBuilder.WarmUp;
using Trading.Markets;

namespace Trading.CandleBuilder.Tests.WarmUp;

public sealed class HistoryGapsTests
{
    private static readonly Interval FiveMinutes = Interval.Parse("5m");
    private static readonly DateTimeOffset End = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_window_is_the_last_closed_intervals_before_now()
    {
        var window = HistoryGaps.Window(FiveMinutes, 300, End.AddMinutes(3).AddSeconds(7));

        Assert.Equal(new HistoryRange(End.AddMinutes(-1500), End), window);
    }

    [Fact]
    public void The_window_of_a_day_starts_at_utc_midnight()
    {
        var window = HistoryGaps.Window(Interval.Parse("1d"), 2, new DateTimeOffset(2025, 11, 10, 1, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new HistoryRange(new(2025, 11, 7, 0, 0, 0, TimeSpan.Zero), new(2025, 11, 9, 0, 0, 0, TimeSpan.Zero)), window);
    }

    [Fact]
    public void Nothing_stored_is_one_range_the_whole_window()
    {
        var window = new HistoryRange(End.AddMinutes(-50), End);

        var missing = HistoryGaps.Missing(FiveMinutes, window, []);

        Assert.Equal([window], missing);
    }

    [Fact]
    public void Everything_stored_is_nothing_missing()
    {
        var window = new HistoryRange(End.AddMinutes(-50), End);

        var missing = HistoryGaps.Missing(FiveMinutes, window, Slots(-50, 0));

        Assert.Empty(missing);
    }

    [Fact]
    public void The_missing_runs_are_found_at_the_start_in_the_middle_and_at_the_end()
    {
        var window = new HistoryRange(End.AddMinutes(-50), End);
        var stored = Slots(-40, -30).Concat(Slots(-20, -10));

        var missing = HistoryGaps.Missing(FiveMinutes, window, stored);

        Assert.Equal(
            [
                new HistoryRange(End.AddMinutes(-50), End.AddMinutes(-40)),
                new HistoryRange(End.AddMinutes(-30), End.AddMinutes(-20)),
                new HistoryRange(End.AddMinutes(-10), End),
            ],
            missing);
    }

    [Fact]
    public void Stored_candles_outside_the_window_do_not_count()
    {
        var window = new HistoryRange(End.AddMinutes(-20), End);

        var missing = HistoryGaps.Missing(FiveMinutes, window, Slots(-60, -20).Concat(Slots(0, 30)));

        Assert.Equal([window], missing);
    }

    [Fact]
    public void More_gaps_than_the_limit_are_joined_where_the_fewest_stored_candles_lie_between_them()
    {
        var window = new HistoryRange(End.AddMinutes(-100), End);

        // Gaps at -100, -90, -60, -50, -5: stored runs of 1, 5, 1 and 8 candles between them.
        var stored = Slots(-95, -90).Concat(Slots(-85, -60)).Concat(Slots(-55, -50)).Concat(Slots(-45, -5));

        var missing = HistoryGaps.Missing(FiveMinutes, window, stored, maxRanges: 3);

        Assert.Equal(
            [
                new HistoryRange(End.AddMinutes(-100), End.AddMinutes(-85)),
                new HistoryRange(End.AddMinutes(-60), End.AddMinutes(-45)),
                new HistoryRange(End.AddMinutes(-5), End),
            ],
            missing);
    }

    /// <summary>Open times of 5m candles from <paramref name="fromMinutes"/> (included) to <paramref name="toMinutes"/> (excluded) before End.</summary>
    private static IEnumerable<DateTimeOffset> Slots(int fromMinutes, int toMinutes)
    {
        for (var m = fromMinutes; m < toMinutes; m += 5)
        {
            yield return End.AddMinutes(m);
        }
    }
}
