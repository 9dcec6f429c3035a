using Trading.Contracts.MarketData;

namespace Trading.MarketData.Replay;

/// <summary>
/// Turns a recorded bar into synthetic trades from which a candle builder rebuilds exactly that bar: same open, high, low,
/// close and volume in the same interval.
/// </summary>
/// <remarks>
/// <para>
/// The price path is open → low → high → close on an up bar (close ≥ open) and open → high → low → close on a down bar, the
/// order that makes the smallest moves. Point k of the path trades at bar start + k × interval / 4, so every trade lies
/// inside [start, start + interval) and the first one at the start. A point with the same price as the point before it is
/// left out (a flat bar is one trade); the last trade kept always has the close price.
/// </para>
/// <para>
/// Sides follow the tick rule: the opening trade takes the bar's direction (close ≥ open: buy, otherwise sell), every later
/// trade is a buy when it moves the price up and a sell when it moves it down.
/// </para>
/// <para>
/// The volume is split evenly, each part cut to two more decimals than the volume has, and the last trade takes the rest, so
/// the parts add up exactly (in <c>decimal</c>) to the bar's volume and each is above zero. A bar with zero volume makes no
/// trade: the candle builder fills an empty interval with a flat candle itself.
/// </para>
/// </remarks>
public static class CandleTradeSynthesizer
{
    /// <summary>Most trades made from one bar.</summary>
    public const int PointsPerBar = 4;

    public static IReadOnlyList<RecordedTrade> ToTrades(RecordedCandle bar, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        if (bar.Volume <= 0m)
        {
            return [];
        }

        var up = bar.Close >= bar.Open;
        Span<decimal> path = [bar.Open, up ? bar.Low : bar.High, up ? bar.High : bar.Low, bar.Close];
        Span<int> kept = stackalloc int[PointsPerBar];
        var count = 0;
        for (var k = 0; k < PointsPerBar; k++)
        {
            if (k == 0 || path[k] != path[kept[count - 1]])
            {
                kept[count++] = k;
            }
        }

        var digits = Math.Min(28, bar.Volume.Scale + 2);
        var part = Math.Round(bar.Volume / count, digits, MidpointRounding.ToZero);
        var step = interval / PointsPerBar;
        var trades = new RecordedTrade[count];
        for (var i = 0; i < count; i++)
        {
            var k = kept[i];
            var side = i == 0
                ? (up ? TradeSide.Buy : TradeSide.Sell)
                : (path[k] > path[kept[i - 1]] ? TradeSide.Buy : TradeSide.Sell);
            var size = i < count - 1 ? part : bar.Volume - (part * (count - 1));
            trades[i] = new RecordedTrade(bar.LineNumber, bar.OpenedAt + (step * k), path[k], size, side, k, EndsLine: i == count - 1);
        }

        return trades;
    }
}
