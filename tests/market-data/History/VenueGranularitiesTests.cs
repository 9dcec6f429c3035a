using Trading.MarketData.Exchange;
using Trading.MarketData.History;
using Trading.Markets;

namespace Trading.MarketData.Tests.History;

public sealed class VenueGranularitiesTests
{
    [Theory]
    [InlineData(Venues.Kraken, "1m", 1)]
    [InlineData(Venues.Kraken, "2m", 1)]
    [InlineData(Venues.Kraken, "5m", 5)]
    [InlineData(Venues.Kraken, "15m", 15)]
    [InlineData(Venues.Kraken, "30m", 30)]
    [InlineData(Venues.Kraken, "1h", 60)]
    [InlineData(Venues.Kraken, "4h", 240)]
    [InlineData(Venues.Kraken, "1d", 1440)]
    [InlineData(Venues.Coinbase, "1m", 1)]
    [InlineData(Venues.Coinbase, "2m", 1)]
    [InlineData(Venues.Coinbase, "5m", 5)]
    [InlineData(Venues.Coinbase, "1h", 60)]
    [InlineData(Venues.Coinbase, "4h", 120)]
    [InlineData(Venues.Coinbase, "1d", 1440)]
    public void An_interval_is_fetched_at_the_longest_length_the_venue_serves_that_divides_it(string venue, string interval, int minutes)
    {
        var source = VenueGranularities.SourceOf(venue, Interval.Parse(interval));

        Assert.Equal(TimeSpan.FromMinutes(minutes), source);
    }

    [Fact]
    public void Coinbase_names_its_lengths()
    {
        Assert.Equal("TWO_HOUR", VenueGranularities.CoinbaseGranularity(TimeSpan.FromHours(2)));
        Assert.Equal("ONE_DAY", VenueGranularities.CoinbaseGranularity(TimeSpan.FromDays(1)));
    }

    [Fact]
    public void A_venue_without_candle_history_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => VenueGranularities.SourceOf(Venues.KrakenFutures, Interval.OneMinute));

        Assert.StartsWith("Venue 'KRAKEN_FUTURES' has no REST candle history; use KRAKEN or COINBASE.", error.Message, StringComparison.Ordinal);
    }
}
