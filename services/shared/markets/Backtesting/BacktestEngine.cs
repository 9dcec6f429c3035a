using System.Text.Json.Nodes;
using Trading.Markets.Execution;
using Trading.Markets.Risk;
using Trading.Markets.Strategies;

namespace Trading.Markets.Backtesting;

/// <summary>
/// Replays candles through the live code, event by event: <see cref="CandleAggregator"/> builds the interval,
/// <see cref="StrategySeries"/> runs the strategies, <see cref="RiskGate"/> sizes each trade and <see cref="PaperFillModel"/> fills it.
/// </summary>
/// <remarks>
/// <para>Order of events at each input candle: first every interval candle that closed at or before its open goes through the
/// series (a signal waits for its entry); then each account with a waiting entry fills it at this candle's open (the fill model
/// applied to the open: the first price after the signal, never the signal candle's close); then each open position is checked
/// against this candle.</para>
/// <para>Each strategy has its own account with <see cref="BacktestSettings.StartingEquity"/>. A signal is sized by
/// <see cref="RiskGate.Evaluate"/> with the signal's entry and stop, the account's equity and no other open position, as the risk
/// service sizes it live; a rejected signal is counted. An account holds at most one position: a signal while its position or
/// entry is open is counted and ignored.</para>
/// <para>Exits, checked on every input candle from the entry candle on, in this order: a candle that opens at or beyond the stop
/// exits at its open; one whose low (long) or high (short) reaches the stop exits at the stop, even if it also reached the target
/// (the pessimistic reading of a candle whose path is unknown); one that reaches the target exits at the target; a candle that
/// closes <see cref="BacktestSettings.MaxHolding"/> or more after the entry exits at its close; and a position still open when
/// the data ends exits at the last close. Every exit fill gets the fill model's slippage and fee.</para>
/// <para>Pure: no I/O and no clock. Not thread-safe per run, but separate runs may go in parallel.</para>
/// </remarks>
public static class BacktestEngine
{
    private const int ProgressStep = 8192;

    /// <summary>Runs <paramref name="run"/>.</summary>
    /// <param name="run">What to run.</param>
    /// <param name="progress">Called with the number of input candles processed since the last call (every few thousand, and
    /// once at the end); null for none.</param>
    /// <returns>One result per strategy, in the order of <see cref="BacktestRun.Strategies"/>.</returns>
    /// <exception cref="ArgumentException">An input candle does not fit inside one interval of the run.</exception>
    public static IReadOnlyList<BacktestResult> Run(BacktestRun run, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = run.Settings;
        var interval = run.Interval;
        var tradeFrom = run.TradeFrom ?? DateTimeOffset.MinValue;
        var tradeTo = run.TradeTo ?? DateTimeOffset.MaxValue;
        var input = Within(run.Candles, tradeTo);
        var candles = BacktestCandles.Build(input, interval);
        var minimumRiskReward = settings.RiskRewardMinimums.For(interval);
        var accounts = new Account[run.Strategies.Count];
        var strategies = new IStrategy[accounts.Length];
        for (var i = 0; i < accounts.Length; i++)
        {
            strategies[i] = run.Strategies[i].Factory(candles);
            accounts[i] = new Account(run.Strategies[i].Name, run.Symbol, interval, settings);
        }

        var series = new StrategySeries(interval, strategies, minimumRiskReward);
        var next = 0;
        var unreported = 0;
        Candle? last = null;
        foreach (var candle in input)
        {
            while (next < candles.Length && candles[next].ClosedAt <= candle.OpenedAt)
            {
                Feed(series, candles[next++], tradeFrom, accounts);
            }

            if (candle.OpenedAt >= tradeFrom)
            {
                last = candle;
                foreach (var account in accounts)
                {
                    account.OnCandle(candle);
                }
            }

            if (++unreported == ProgressStep)
            {
                progress?.Invoke(unreported);
                unreported = 0;
            }
        }

        while (next < candles.Length)
        {
            Feed(series, candles[next++], tradeFrom, accounts);
        }

        progress?.Invoke(unreported);
        var from = FirstTradable(candles, tradeFrom) ?? (run.TradeFrom ?? last?.OpenedAt ?? DateTimeOffset.UnixEpoch);
        var to = last?.ClosedAt ?? from;
        if (to < from)
        {
            to = from;
        }

        var results = new BacktestResult[accounts.Length];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i].Finish(last);
            results[i] = accounts[i].Result(from, to, run.Strategies[i].Parameters, minimumRiskReward);
        }

        return results;
    }

    // The input candles closed at or before the end; a list already within it is used as it is.
    private static IReadOnlyList<Candle> Within(IReadOnlyList<Candle> candles, DateTimeOffset end)
    {
        if (candles.Count == 0 || candles[^1].ClosedAt <= end)
        {
            return candles;
        }

        var count = 0;
        while (count < candles.Count && candles[count].ClosedAt <= end)
        {
            count++;
        }

        return candles is Candle[] array ? new ArraySegment<Candle>(array, 0, count) : [.. candles.Take(count)];
    }

    private static DateTimeOffset? FirstTradable(Candle[] candles, DateTimeOffset tradeFrom)
    {
        foreach (var candle in candles)
        {
            if (candle.OpenedAt >= tradeFrom)
            {
                return candle.OpenedAt;
            }
        }

        return null;
    }

    private static void Feed(StrategySeries series, Candle candle, DateTimeOffset tradeFrom, Account[] accounts)
    {
        var signals = series.Update(candle);
        if (signals.Count == 0 || candle.OpenedAt < tradeFrom)
        {
            return;
        }

        foreach (var signal in signals)
        {
            foreach (var account in accounts)
            {
                if (account.Strategy == signal.Strategy)
                {
                    account.OnSignal(signal);
                    break;
                }
            }
        }
    }

    private sealed class Account(string strategy, string symbol, Interval interval, BacktestSettings settings)
    {
        private readonly List<BacktestTrade> _trades = [];
        private readonly List<EquityPoint> _equityCurve = [];
        private decimal _equity = settings.StartingEquity;
        private StrategySignal? _pending;
        private decimal _pendingQuantity;
        private StrategySignal? _signal;
        private PaperPosition? _position;
        private int _signals;
        private int _ignored;
        private int _rejected;

        public string Strategy => strategy;

        public void OnSignal(StrategySignal signal)
        {
            _signals++;
            if (_pending is not null || _position is not null)
            {
                _ignored++;
                return;
            }

            var decision = RiskGate.Evaluate(signal.Direction, signal.Entry, signal.StopLoss, _equity, 0, settings.RiskLimits);
            if (!decision.Approved)
            {
                _rejected++;
                return;
            }

            _pending = signal;
            _pendingQuantity = decision.Quantity;
        }

        public void OnCandle(Candle candle)
        {
            if (_pending is { } signal)
            {
                var fills = settings.FillModel;
                var entry = fills.FillPrice(signal.Direction, candle.Open);
                _position = new PaperPosition
                {
                    Direction = signal.Direction,
                    Quantity = _pendingQuantity,
                    EntryPrice = entry,
                    StopLoss = signal.StopLoss,
                    TakeProfit = signal.TakeProfit,
                    EntryFee = fills.Fee(entry, _pendingQuantity),
                    OpenedAt = candle.OpenedAt,
                };
                _signal = signal;
                _pending = null;
            }

            if (_position is not { } position)
            {
                return;
            }

            var isLong = position.Direction == TradeDirection.Long;
            if (isLong ? candle.Open <= position.StopLoss : candle.Open >= position.StopLoss)
            {
                Exit(candle.OpenedAt, candle.Open, BacktestExitReason.StopLoss);
            }
            else if (isLong ? candle.Low <= position.StopLoss : candle.High >= position.StopLoss)
            {
                Exit(candle.ClosedAt, position.StopLoss, BacktestExitReason.StopLoss);
            }
            else if (isLong ? candle.High >= position.TakeProfit : candle.Low <= position.TakeProfit)
            {
                Exit(candle.ClosedAt, position.TakeProfit, BacktestExitReason.TakeProfit);
            }
            else if (candle.ClosedAt - position.OpenedAt >= settings.MaxHolding)
            {
                Exit(candle.ClosedAt, candle.Close, BacktestExitReason.TimeLimit);
            }
        }

        public void Finish(Candle? last)
        {
            if (_position is not null && last is not null)
            {
                Exit(last.ClosedAt, last.Close, BacktestExitReason.EndOfData);
            }
        }

        public BacktestResult Result(DateTimeOffset from, DateTimeOffset to, JsonObject? parameters, decimal minimumRiskReward)
        {
            _equityCurve.Insert(0, new EquityPoint(from, settings.StartingEquity));
            return new BacktestResult
            {
                Strategy = strategy,
                Symbol = symbol,
                Interval = interval,
                From = from,
                To = to,
                Parameters = parameters,
                MinimumRiskReward = minimumRiskReward,
                StartingEquity = settings.StartingEquity,
                Trades = _trades,
                EquityCurve = _equityCurve,
                Statistics = BacktestStatistics.Compute(_trades, settings.StartingEquity, from, to),
                Signals = _signals,
                SignalsIgnored = _ignored,
                SignalsRejected = _rejected,
                SignalsUnfilled = _pending is null ? 0 : 1,
            };
        }

        private void Exit(DateTimeOffset time, decimal marketPrice, BacktestExitReason reason)
        {
            var position = _position!;
            var signal = _signal!;
            var fills = settings.FillModel;
            var closingSide = position.Direction == TradeDirection.Long ? TradeDirection.Short : TradeDirection.Long;
            var price = fills.FillPrice(closingSide, marketPrice);
            var result = position.Close(price, fills.Fee(price, position.Quantity));
            _equity += result.NetPnl;
            _trades.Add(new BacktestTrade
            {
                Strategy = strategy,
                Symbol = symbol,
                Interval = interval,
                Direction = position.Direction,
                SignalAt = signal.SignalAt,
                EntryTime = position.OpenedAt,
                EntryPrice = position.EntryPrice,
                ExitTime = time,
                ExitPrice = price,
                Quantity = position.Quantity,
                StopLoss = position.StopLoss,
                TakeProfit = position.TakeProfit,
                PlannedRiskReward = signal.RiskReward,
                Fees = result.Fees,
                Pnl = result.NetPnl,
                RMultiple = result.RMultiple,
                ExitReason = reason,
            });
            _equityCurve.Add(new EquityPoint(time, _equity));
            _position = null;
            _signal = null;
        }
    }
}
