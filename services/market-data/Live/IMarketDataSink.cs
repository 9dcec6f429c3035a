using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;

namespace Trading.MarketData.Live;

/// <summary>Where the live feed delivers what it decided to publish; calls arrive one at a time, in publishing order.</summary>
public interface IMarketDataSink
{
    /// <summary>New, de-duplicated trades of one normalised symbol, oldest first.</summary>
    ValueTask PublishTradesAsync(string venue, string symbol, IReadOnlyList<VenueTrade> trades, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>The best bid/ask of one normalised symbol.</summary>
    ValueTask PublishQuoteAsync(string venue, string symbol, VenueQuote quote, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>A venue changed state, or the active venue changed; <paramref name="reason"/> says why, in words.</summary>
    ValueTask PublishStatusAsync(string venue, FeedStatus status, string reason, CancellationToken cancellationToken);

    /// <summary>Trades of [<paramref name="from"/>, <paramref name="to"/>) could not be fetched: they are missing, not zero.</summary>
    ValueTask ReportGapAsync(string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken);
}
