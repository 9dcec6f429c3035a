using Trading.Notification.Notifications;

namespace Trading.Notification.Tests.Notifications;

public sealed class NotificationFormatTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(60, "1m 00s")]
    [InlineData(725, "12m 05s")]
    [InlineData(3_600, "1h 00m")]
    [InlineData(7_500, "2h 05m")]
    [InlineData(86_400, "1d 0h")]
    [InlineData(273_600, "3d 4h")]
    [InlineData(-5, "0s")]
    public void Duration_reads_in_the_two_largest_units(int seconds, string expected)
    {
        Assert.Equal(expected, NotificationFormat.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData("0.55", "55.0%")]
    [InlineData("0.0125", "1.25%")]
    [InlineData("1", "100.0%")]
    [InlineData("0", "0.0%")]
    public void Percent_turns_a_fraction_into_a_percentage(string fraction, string expected)
    {
        Assert.Equal(expected, NotificationFormat.Percent(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("105300.1", "105420.5", "-0.11%")]
    [InlineData("105661.3", "105420.5", "+0.23%")]
    [InlineData("100", "100", "+0.00%")]
    [InlineData("100", "0", "")]
    public void Distance_is_signed_percent_from_the_reference(string price, string reference, string expected)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(expected, NotificationFormat.Distance(decimal.Parse(price, invariant), decimal.Parse(reference, invariant)));
    }

    [Theory]
    [InlineData("BTC/USD", "BTC", "USD")]
    [InlineData("ETH/USDT", "ETH", "USDT")]
    [InlineData("PI_XBTUSD", "", "")]
    public void Assets_come_from_the_normalised_symbol(string symbol, string baseAsset, string quoteAsset)
    {
        Assert.Equal(baseAsset, NotificationFormat.BaseAsset(symbol));
        Assert.Equal(quoteAsset, NotificationFormat.QuoteAsset(symbol));
    }

    [Fact]
    public void R_multiple_and_money_are_always_signed()
    {
        Assert.Equal("+1.69R", NotificationFormat.RMultiple(1.69m));
        Assert.Equal("-0.35R", NotificationFormat.RMultiple(-0.35m));
        Assert.Equal("+0.0R", NotificationFormat.RMultiple(0m));
        Assert.Equal("-1,234.50", NotificationFormat.Money(-1_234.5m));
        Assert.Equal("1,234.50", NotificationFormat.Amount(1_234.5m));
    }

    [Fact]
    public void A_unit_follows_its_number_only_when_known()
    {
        Assert.Equal("0.5 BTC", NotificationFormat.WithUnit("0.5", "BTC"));
        Assert.Equal("0.5", NotificationFormat.WithUnit("0.5", ""));
    }
}
