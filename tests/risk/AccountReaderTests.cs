using Trading.Risk.Account;

namespace Trading.Risk.Tests;

public sealed class AccountReaderTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_the_losses_in_a_row_from_the_newest_result()
    {
        var (losses, lastLossAt) = AccountReader.LosingStreak([(-5m, At), (0m, At.AddHours(-1)), (-1m, At.AddHours(-2)), (7m, At.AddHours(-3)), (-2m, At.AddHours(-4))]);

        Assert.Equal(3, losses);
        Assert.Equal(At, lastLossAt);
    }

    [Fact]
    public void A_win_last_ends_the_streak()
    {
        Assert.Equal((0, null), AccountReader.LosingStreak([(0.01m, At), (-5m, At.AddHours(-1))]));
        Assert.Equal((0, null), AccountReader.LosingStreak([]));
    }
}
