using Trading.MarketData.Exchange.Rest;

namespace Trading.MarketData.History;

/// <summary>One request pacer per venue for every history request of this process, so concurrent requests share the venue's limit.</summary>
public sealed class HistoryRequestPacers(TimeProvider timeProvider)
{
    public RequestPacer Kraken { get; } = new(KrakenRestClient.DefaultSpacing, timeProvider);

    public RequestPacer Coinbase { get; } = new(CoinbaseRestClient.DefaultSpacing, timeProvider);
}
