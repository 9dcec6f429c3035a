using Trading.Notification.Delivery;

namespace Trading.Notification.Tests.Delivery;

public sealed class ChannelRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Slack_takes_one_message_per_second()
    {
        var limiter = new ChannelRateLimiter(RateWindow.Slack);

        Assert.Equal(T0, limiter.NextSlot(T0));
        limiter.Sent(T0);
        Assert.Equal(T0.AddSeconds(1), limiter.NextSlot(T0.AddMilliseconds(10)));
        Assert.Equal(T0.AddSeconds(2), limiter.NextSlot(T0.AddSeconds(2)));
    }

    [Fact]
    public void Discord_takes_five_per_two_seconds_and_thirty_per_minute()
    {
        var limiter = new ChannelRateLimiter(RateWindow.Discord);
        var at = T0;
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 31; i++)
        {
            at = limiter.NextSlot(at);
            limiter.Sent(at);
            sent.Add(at);
        }

        // Five at once, then the next five two seconds later, and so on; the 31st waits for the first to leave the minute.
        Assert.Equal([T0, T0, T0, T0, T0, T0.AddSeconds(2)], sent.Take(6));
        Assert.Equal(T0.AddSeconds(10), sent[29]);
        Assert.Equal(T0.AddMinutes(1), sent[30]);
        for (var i = 5; i < sent.Count; i++)
        {
            Assert.True(sent[i] - sent[i - 5] >= TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public void A_telegram_group_takes_one_per_second_and_twenty_per_minute()
    {
        var limiter = new ChannelRateLimiter(RateWindow.TelegramGroup);
        var at = T0;
        for (var i = 0; i < 20; i++)
        {
            at = limiter.NextSlot(at);
            limiter.Sent(at);
        }

        Assert.Equal(T0.AddSeconds(19), at);
        Assert.Equal(T0.AddMinutes(1), limiter.NextSlot(at));
    }

    [Fact]
    public void A_pause_the_api_asked_for_holds_even_when_the_windows_are_free()
    {
        var limiter = new ChannelRateLimiter(RateWindow.Slack);

        limiter.PauseUntil(T0.AddSeconds(7));
        limiter.PauseUntil(T0.AddSeconds(3));

        Assert.Equal(T0.AddSeconds(7), limiter.NextSlot(T0));
        Assert.Equal(T0.AddSeconds(8), limiter.NextSlot(T0.AddSeconds(8)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 16)]
    [InlineData(20, 300)]
    public void Backoff_doubles_up_to_five_minutes(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.After(attempts));
    }
}
