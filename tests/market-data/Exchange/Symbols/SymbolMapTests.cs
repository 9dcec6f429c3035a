using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.MarketData.Tests.Exchange.Symbols;

public sealed class SymbolMapTests
{
    private readonly SymbolMap _map = SymbolMap.Default;

    [Theory]
    [InlineData(Venues.Kraken, "BTC/USD", "BTC/USD")]
    [InlineData(Venues.Kraken, "BTC/USDT", "BTC/USDT")]
    [InlineData(Venues.Coinbase, "ETH/USD", "ETH-USD")]
    [InlineData(Venues.Coinbase, "BTC/USDT", "BTC-USDT")]
    [InlineData(Venues.KrakenFutures, "BTC/USD:PERP", "PF_XBTUSD")]
    [InlineData(Venues.KrakenFutures, "SOL/USD:PERP", "PF_SOLUSD")]
    public void Maps_normalised_to_venue_and_back(string venue, string normalised, string venueSymbol)
    {
        var mapped = _map.ToVenue(venue, normalised);
        var back = _map.ToNormalised(venue, mapped);

        Assert.Equal(venueSymbol, mapped);
        Assert.Equal(normalised, back);
    }

    [Fact]
    public void Every_supported_symbol_round_trips_on_every_venue()
    {
        var venues = new[] { Venues.Kraken, Venues.Coinbase, Venues.KrakenFutures };

        var failures = venues
            .SelectMany(v => _map.Supported(v).Select(s => (Venue: v, Symbol: s)))
            .Where(p => _map.ToNormalised(p.Venue, _map.ToVenue(p.Venue, p.Symbol)) != p.Symbol)
            .ToList();

        Assert.Empty(failures);
        Assert.Equal(["BTC/USD", "ETH/USD", "SOL/USD", "BTC/USDT"], _map.Supported(Venues.Kraken));
        Assert.Equal(["BTC/USD:PERP", "ETH/USD:PERP", "SOL/USD:PERP"], _map.Supported(Venues.KrakenFutures));
    }

    [Theory]
    [InlineData("pf_xbtusd")]
    [InlineData("PF_XBTUSD")]
    [InlineData("Pf_XbtUsd")]
    public void Futures_symbols_compare_case_insensitively(string venueSymbol)
    {
        var normalised = _map.ToNormalised(Venues.KrakenFutures, venueSymbol);

        Assert.Equal("BTC/USD:PERP", normalised);
    }

    [Fact]
    public void Spot_symbols_compare_case_sensitively()
    {
        var found = _map.TryToNormalised(Venues.Coinbase, "btc-usd", out _);

        Assert.False(found);
    }

    [Theory]
    [InlineData("XXBTZUSD", "BTC/USD")]
    [InlineData("XBTUSD", "BTC/USD")]
    [InlineData("XETHZUSD", "ETH/USD")]
    [InlineData("SOLUSD", "SOL/USD")]
    [InlineData("XBTUSDT", "BTC/USDT")]
    public void Kraken_rest_pair_ids_and_altnames_normalise(string restName, string normalised)
    {
        var mapped = _map.ToNormalised(Venues.Kraken, restName);

        Assert.Equal(normalised, mapped);
    }

    [Theory]
    [InlineData("BTC/USD", "XXBTZUSD")]
    [InlineData("ETH/USD", "XETHZUSD")]
    [InlineData("SOL/USD", "SOLUSD")]
    [InlineData("BTC/USDT", "XBTUSDT")]
    public void Kraken_rest_pair_is_the_pair_id(string normalised, string pairId)
    {
        var pair = _map.ToKrakenRestPair(normalised);

        Assert.Equal(pairId, pair);
    }

    [Fact]
    public void Unknown_venue_symbol_error_names_symbol_venue_and_supported_ones()
    {
        var ex = Assert.Throws<UnknownSymbolException>(() => _map.ToNormalised(Venues.Kraken, "XBT/USD"));

        Assert.Equal("XBT/USD", ex.Symbol);
        Assert.Equal(Venues.Kraken, ex.Venue);
        Assert.Contains("'XBT/USD'", ex.Message);
        Assert.Contains("KRAKEN", ex.Message);
        Assert.Contains("BTC/USD", ex.Message);
        Assert.Contains("XXBTZUSD", ex.Message);
    }

    [Fact]
    public void Unknown_normalised_symbol_error_lists_supported_symbols()
    {
        var ex = Assert.Throws<UnknownSymbolException>(() => _map.ToVenue(Venues.Coinbase, "DOGE/USD"));

        Assert.Equal(
            "Symbol 'DOGE/USD' is not supported on COINBASE. Supported: BTC/USD, ETH/USD, SOL/USD, BTC/USDT.",
            ex.Message);
    }

    [Fact]
    public void Spot_symbol_is_not_a_futures_symbol()
    {
        var ex = Assert.Throws<UnknownSymbolException>(() => _map.ToVenue(Venues.KrakenFutures, "BTC/USD"));

        Assert.Contains("BTC/USD:PERP", ex.Message);
    }

    [Fact]
    public void Unknown_venue_is_reported_with_the_known_venues()
    {
        var ex = Assert.Throws<UnknownSymbolException>(() => _map.ToVenue("BINANCE", "BTC/USD"));

        Assert.Contains("BINANCE", ex.Message);
        Assert.Contains("KRAKEN_FUTURES", ex.Message);
        Assert.Empty(_map.Supported("BINANCE"));
        Assert.False(_map.TryToNormalised("BINANCE", "BTC-USD", out _));
    }

    [Fact]
    public void Unknown_rest_pair_throws()
    {
        var ex = Assert.Throws<UnknownSymbolException>(() => _map.ToKrakenRestPair("BTC/USD:PERP"));

        Assert.Contains("BTC/USD:PERP", ex.Message);
    }
}
