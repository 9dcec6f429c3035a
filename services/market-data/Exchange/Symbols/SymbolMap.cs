namespace Trading.MarketData.Exchange.Symbols;

/// <summary>
/// Maps normalised symbols (<c>BASE/QUOTE</c> for spot, <c>BASE/QUOTE:PERP</c> for perpetuals, ISO codes such as BTC)
/// to and from each venue's own spelling. Immutable and thread-safe.
/// </summary>
public sealed class SymbolMap
{
    private readonly Dictionary<string, VenueTable> _venues;
    private readonly Dictionary<string, string> _krakenRestPairs;

    private SymbolMap(Dictionary<string, VenueTable> venues, Dictionary<string, string> krakenRestPairs)
    {
        _venues = venues;
        _krakenRestPairs = krakenRestPairs;
    }

    public static SymbolMap Default { get; } = CreateDefault();

    /// <summary>The venue's spelling of <paramref name="normalised"/>; Kraken gets its WebSocket v2 name.</summary>
    public string ToVenue(string venue, string normalised)
    {
        var table = Table(venue, normalised);
        return table.ToVenue.TryGetValue(normalised, out var venueSymbol)
            ? venueSymbol
            : throw new UnknownSymbolException(
                venue,
                normalised,
                $"Symbol '{normalised}' is not supported on {venue}. Supported: {string.Join(", ", table.Normalised)}.");
    }

    /// <summary>
    /// The normalised form of a venue symbol. For Kraken this also accepts REST pair ids and altnames
    /// (<c>XXBTZUSD</c>, <c>XBTUSD</c>), because REST results are keyed by pair id.
    /// </summary>
    public string ToNormalised(string venue, string venueSymbol)
    {
        var table = Table(venue, venueSymbol);
        return table.ToNormalised.TryGetValue(venueSymbol, out var normalised)
            ? normalised
            : throw new UnknownSymbolException(
                venue,
                venueSymbol,
                $"Venue symbol '{venueSymbol}' is not known on {venue}. Supported: {string.Join(", ", table.VenueSymbols)}.");
    }

    public bool TryToNormalised(string venue, string venueSymbol, out string normalised)
    {
        normalised = string.Empty;
        if (!_venues.TryGetValue(venue, out var table) || !table.ToNormalised.TryGetValue(venueSymbol, out var found))
        {
            return false;
        }

        normalised = found;
        return true;
    }

    /// <summary>The Kraken REST pair id (<c>XXBTZUSD</c>), which every public and private endpoint accepts.</summary>
    public string ToKrakenRestPair(string normalised) =>
        _krakenRestPairs.TryGetValue(normalised, out var pair)
            ? pair
            : throw new UnknownSymbolException(
                Venues.Kraken,
                normalised,
                $"Symbol '{normalised}' has no Kraken REST pair. Supported: {string.Join(", ", _krakenRestPairs.Keys)}.");

    /// <summary>The normalised symbols a venue trades here; empty for an unknown venue.</summary>
    public IReadOnlyList<string> Supported(string venue) =>
        _venues.TryGetValue(venue, out var table) ? table.Normalised : [];

    private VenueTable Table(string venue, string symbol) =>
        _venues.TryGetValue(venue, out var table)
            ? table
            : throw new UnknownSymbolException(
                venue,
                symbol,
                $"Venue '{venue}' is not known, so symbol '{symbol}' cannot be mapped. Known venues: {string.Join(", ", _venues.Keys)}.");

    private static SymbolMap CreateDefault()
    {
        // Kraken REST ids: XXBTZUSD/XBTUSD are in fixtures/kraken/spot-rest/public-assetpairs.response.json and
        // XBTUSDT in public-requests.json; XETHZUSD/ETHUSD and SOLUSD (newer pairs have id == altname) follow
        // Kraken's naming but are not in the fixtures. WebSocket v2 uses ISO names (BTC/USD, not XBT/USD).
        var kraken = new VenueTable(StringComparer.Ordinal);
        var coinbase = new VenueTable(StringComparer.Ordinal);

        // Futures ids are compared case-insensitively: REST tickers have returned them in lower case.
        var krakenFutures = new VenueTable(StringComparer.OrdinalIgnoreCase);
        var restPairs = new Dictionary<string, string>(StringComparer.Ordinal);

        void Spot(string normalised, string restPairId, string restAltname, string coinbaseProduct)
        {
            kraken.Add(normalised, normalised);
            kraken.AddAlias(restPairId, normalised);
            kraken.AddAlias(restAltname, normalised);
            restPairs.Add(normalised, restPairId);
            coinbase.Add(normalised, coinbaseProduct);
        }

        Spot("BTC/USD", "XXBTZUSD", "XBTUSD", "BTC-USD");
        Spot("ETH/USD", "XETHZUSD", "ETHUSD", "ETH-USD");
        Spot("SOL/USD", "SOLUSD", "SOLUSD", "SOL-USD");
        Spot("BTC/USDT", "XBTUSDT", "XBTUSDT", "BTC-USDT");

        krakenFutures.Add("BTC/USD:PERP", "PF_XBTUSD");
        krakenFutures.Add("ETH/USD:PERP", "PF_ETHUSD");
        krakenFutures.Add("SOL/USD:PERP", "PF_SOLUSD");

        return new SymbolMap(
            new Dictionary<string, VenueTable>(StringComparer.Ordinal)
            {
                [Venues.Kraken] = kraken,
                [Venues.Coinbase] = coinbase,
                [Venues.KrakenFutures] = krakenFutures,
            },
            restPairs);
    }

    private sealed class VenueTable(StringComparer venueSymbolComparer)
    {
        public Dictionary<string, string> ToVenue { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ToNormalised { get; } = new(venueSymbolComparer);

        public List<string> Normalised { get; } = [];

        public List<string> VenueSymbols { get; } = [];

        public void Add(string normalised, string venueSymbol)
        {
            ToVenue.Add(normalised, venueSymbol);
            Normalised.Add(normalised);
            AddAlias(venueSymbol, normalised);
        }

        public void AddAlias(string venueSymbol, string normalised)
        {
            if (ToNormalised.TryAdd(venueSymbol, normalised))
            {
                VenueSymbols.Add(venueSymbol);
            }
        }
    }
}
