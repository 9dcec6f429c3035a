using MassTransit;
using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.Signal.Strategies;

namespace Trading.Signal.Warming;

/// <summary>Asks candle-builder for the newest closed candles of a series it stores (<see cref="GetCandleHistory"/>).</summary>
public sealed class CandleHistoryClient(IRequestClient<GetCandleHistory> client, IOptions<SignalOptions> options, ILogger<CandleHistoryClient> logger)
{
    /// <summary>candle-builder's queue for <see cref="GetCandleHistory"/>.</summary>
    public const string Queue = "candle-builder-get-candle-history";

    /// <summary>
    /// The newest <paramref name="count"/> candles candle-builder stores for the series, oldest first; null when it does not answer
    /// within <see cref="SignalOptions.HistoryRequestTimeout"/> or refuses the request, so that the caller carries on with what it has.
    /// </summary>
    public async Task<IReadOnlyList<Candle>?> LatestAsync(SeriesKey series, int count, CancellationToken cancellationToken)
    {
        var request = new GetCandleHistory { Venue = series.Venue, Symbol = series.Symbol, Interval = series.Interval, Count = count };
        try
        {
            var response = await client.GetResponse<CandleHistory>(request, cancellationToken, RequestTimeout.After(ms: (int)options.Value.HistoryRequestTimeout.TotalMilliseconds));
            return response.Message.Candles.Select(ToCandle).ToList();
        }
        catch (RequestTimeoutException)
        {
            Log.HistoryUnanswered(logger, series.Venue, series.Symbol, series.Interval, "no answer within " + options.Value.HistoryRequestTimeout);
            return null;
        }
        catch (RequestFaultException ex)
        {
            Log.HistoryUnanswered(logger, series.Venue, series.Symbol, series.Interval, ex.Fault?.Exceptions.FirstOrDefault()?.Message ?? ex.Message);
            return null;
        }
    }

    public static Candle ToCandle(HistoricCandle candle) => new()
    {
        OpenedAt = candle.OpenedAt.ToUniversalTime(),
        ClosedAt = candle.ClosedAt.ToUniversalTime(),
        Open = candle.Open,
        High = candle.High,
        Low = candle.Low,
        Close = candle.Close,
        Volume = candle.Volume,
        QuoteVolume = candle.QuoteVolume ?? 0m,
        TradeCount = candle.TradeCount ?? 0,
        IsSynthetic = candle.IsSynthetic,
    };
}
