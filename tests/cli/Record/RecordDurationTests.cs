using Trading.Cli.Record;

namespace Trading.Cli.Tests.Record;

public sealed class RecordDurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData(" 00:10:00 ", 600)]
    [InlineData("1.00:00:05", 86405)]
    public void Reads_a_length_with_units_or_as_a_time_span(string text, int seconds)
    {
        var parsed = RecordDuration.TryParse(text, out var duration);

        Assert.True(parsed);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("-00:05:00")]
    [InlineData("5 m")]
    [InlineData("5M")]
    [InlineData("1w")]
    [InlineData("999999999d")]
    [InlineData("ten minutes")]
    public void Refuses_anything_else(string text)
    {
        var parsed = RecordDuration.TryParse(text, out _);

        Assert.False(parsed);
    }
}
