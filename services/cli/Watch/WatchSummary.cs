using Trading.Contracts.Candles;
using Trading.Contracts.Orders;
using Trading.Contracts.Signals;

namespace Trading.Cli.Watch;

/// <summary>Running totals of what the watcher saw, for the closing summary.</summary>
public sealed class WatchSummary
{
    private readonly List<PositionClosed> _closed = [];

    public int Candles { get; private set; }

    public int SyntheticCandles { get; private set; }

    public int Signals { get; private set; }

    public int Rejected { get; private set; }

    public int Fills { get; private set; }

    public IReadOnlyList<PositionClosed> Closed => _closed;

    public int Wins => _closed.Count(c => c.RealizedPnl > 0);

    public decimal NetPnl => _closed.Sum(c => c.RealizedPnl);

    public decimal Fees => _closed.Sum(c => c.Fees);

    public decimal? WinRate => _closed.Count == 0 ? null : (decimal)Wins / _closed.Count;

    public decimal? AverageR => _closed.Count == 0 ? null : _closed.Average(c => c.RMultiple);

    public void Add(object message)
    {
        switch (message)
        {
            case CandleClosed candle:
                Candles++;
                SyntheticCandles += candle.IsSynthetic ? 1 : 0;
                break;
            case SignalGenerated:
                Signals++;
                break;
            case SignalRejected:
                Rejected++;
                break;
            case OrderFilled:
                Fills++;
                break;
            case PositionClosed closed:
                _closed.Add(closed);
                break;
        }
    }
}
