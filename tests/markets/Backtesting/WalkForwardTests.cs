using Trading.Markets.Backtesting;

namespace Trading.Markets.Tests.Backtesting;

public sealed class WalkForwardTests
{
    private static readonly DateTimeOffset Start = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Steps_by_the_out_of_sample_length_and_keeps_only_whole_windows()
    {
        var windows = WalkForward.Windows(Start, Start.AddDays(14).AddHours(12), TimeSpan.FromDays(3), TimeSpan.FromDays(2));

        Assert.Equal(5, windows.Count);
        Assert.Equal(new WalkForwardWindow(0, Start, Start.AddDays(3), Start.AddDays(5)), windows[0]);
        Assert.Equal(new WalkForwardWindow(1, Start.AddDays(2), Start.AddDays(5), Start.AddDays(7)), windows[1]);
        Assert.Equal(new WalkForwardWindow(4, Start.AddDays(8), Start.AddDays(11), Start.AddDays(13)), windows[^1]);
    }

    [Fact]
    public void Ends_exactly_at_the_range_end_when_the_windows_fit()
    {
        var windows = WalkForward.Windows(Start, Start.AddDays(30), TimeSpan.FromDays(10), TimeSpan.FromDays(5));

        Assert.Equal(4, windows.Count);
        Assert.Equal(Start.AddDays(30), windows[^1].OutOfSampleTo);
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(pair.First.OutOfSampleTo, pair.Second.InSampleTo));
    }

    [Fact]
    public void Gives_no_window_for_a_range_shorter_than_one()
    {
        Assert.Empty(WalkForward.Windows(Start, Start.AddDays(6), TimeSpan.FromDays(5), TimeSpan.FromDays(2)));
    }
}
