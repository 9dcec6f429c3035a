using Trading.Notification.Channels;

namespace Trading.Notification.Tests;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData(" 30 ", 30)]
    [InlineData("3600", 3600)]
    public void Reads_a_number_of_seconds(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Parse(value, Now));
    }

    [Fact]
    public void Reads_an_http_date_as_the_time_left_until_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfter.Parse("Mon, 06 Jan 2025 12:00:20 GMT", Now));
    }

    [Theory]
    [InlineData("Monday, 06-Jan-25 12:00:20 GMT")]
    [InlineData("Mon Jan  6 12:00:20 2025")]
    public void Reads_the_obsolete_http_date_forms(string value)
    {
        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfter.Parse(value, Now));
    }

    [Fact]
    public void A_date_in_the_past_means_retry_now()
    {
        Assert.Equal(TimeSpan.Zero, RetryAfter.Parse("Mon, 06 Jan 2025 11:59:00 GMT", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Missing_or_unreadable_values_give_nothing(string? value)
    {
        Assert.Null(RetryAfter.Parse(value, Now));
    }
}
