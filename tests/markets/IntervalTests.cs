namespace Trading.Markets.Tests;

public sealed class IntervalTests
{
    [Theory]
    [InlineData("1m", 1)]
    [InlineData("2m", 2)]
    [InlineData("5m", 5)]
    [InlineData("15m", 15)]
    [InlineData("30m", 30)]
    [InlineData("1h", 60)]
    [InlineData("4h", 240)]
    [InlineData("1d", 1440)]
    public void Parses_every_supported_code(string code, int minutes)
    {
        var interval = Interval.Parse(code);

        Assert.Equal((code, TimeSpan.FromMinutes(minutes), code), (interval.Code, interval.Duration, interval.ToString()));
    }

    [Theory]
    [InlineData("1M")]
    [InlineData("3m")]
    [InlineData(" 1m")]
    [InlineData("")]
    public void Parse_rejects_an_unknown_code_naming_it_and_the_valid_ones(string code)
    {
        var exception = Assert.Throws<FormatException>(() => Interval.Parse(code));

        Assert.Contains($"'{code}'", exception.Message);
        Assert.Contains("1m, 2m, 5m, 15m, 30m, 1h, 4h, 1d", exception.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1w")]
    public void Try_parse_returns_false_and_default_for_null_or_unknown_codes(string? code)
    {
        var parsed = Interval.TryParse(code, out var interval);

        Assert.False(parsed);
        Assert.Equal(default, interval);
    }

    [Fact]
    public void One_minute_is_the_1m_interval()
    {
        var oneMinute = Interval.OneMinute;

        Assert.Equal(Interval.Parse("1m"), oneMinute);
    }

    [Fact]
    public void Finds_the_interval_with_a_given_duration()
    {
        var found = Interval.TryFromDuration(TimeSpan.FromHours(4), out var interval);
        var notFound = Interval.TryFromDuration(TimeSpan.FromMinutes(3), out _);

        Assert.True(found);
        Assert.Equal("4h", interval.Code);
        Assert.False(notFound);
    }

    [Theory]
    [InlineData("1m", "2024-03-10T12:34:56.789Z", "2024-03-10T12:34:00Z")]
    [InlineData("5m", "2024-03-10T12:34:56Z", "2024-03-10T12:30:00Z")]
    [InlineData("15m", "2024-03-10T12:44:59Z", "2024-03-10T12:30:00Z")]
    [InlineData("4h", "2024-03-10T03:59:59Z", "2024-03-10T00:00:00Z")]
    [InlineData("4h", "2024-03-10T13:00:00Z", "2024-03-10T12:00:00Z")]
    [InlineData("1d", "2024-03-10T23:59:59Z", "2024-03-10T00:00:00Z")]
    [InlineData("5m", "2024-03-10T12:35:00Z", "2024-03-10T12:35:00Z")]
    public void Floor_gives_the_start_of_the_utc_aligned_interval(string code, string time, string expected)
    {
        var interval = Interval.Parse(code);

        var floor = interval.Floor(TestData.ParseTime(time));

        Assert.Equal(TestData.ParseTime(expected), floor);
        Assert.Equal(TimeSpan.Zero, floor.Offset);
    }

    [Fact]
    public void Floor_aligns_to_utc_whatever_the_offset_of_the_time()
    {
        var interval = Interval.Parse("1d");
        var lateEveningInNewYork = new DateTimeOffset(2024, 3, 10, 22, 0, 0, TimeSpan.FromHours(-4));

        var floor = interval.Floor(lateEveningInNewYork);

        Assert.Equal(new DateTimeOffset(2024, 3, 11, 0, 0, 0, TimeSpan.Zero), floor);
        Assert.Equal(TimeSpan.Zero, floor.Offset);
    }

    [Fact]
    public void Floor_refuses_the_default_interval()
    {
        var interval = default(Interval);

        Assert.Throws<InvalidOperationException>(() => interval.Floor(TestCandles.Start));
    }
}
