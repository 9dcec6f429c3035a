using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Markets.Risk;
using Trading.Markets.Strategies;

using Trading.ServiceDefaults;

namespace Trading.Risk.Decisions;

/// <summary>Turns a decision on a signal into the message it causes, with ids derived from the signal.</summary>
public static class OrderMapper
{
    public const string ClientOrderIdPrefix = "sig-";

    /// <summary>The order's id: derived from the signal, so a replayed decision places the same order.</summary>
    public static Guid OrderId(Guid signalId) => DeterministicGuid.Create($"order|{signalId:D}");

    /// <summary>
    /// The client order id the venue sees: "sig-" and the first 24 hex digits of the signal id (28 characters, 96 bits
    /// of the id). Coinbase's client_order_id and Kraken Futures' cliOrdId (up to 100) accept it as it is. Kraken spot's
    /// cl_ord_id does not: it takes a UUID (36 characters with hyphens, or 32 hex) or free text of at most 18 characters,
    /// so a Kraken spot adapter must send the order id in UUID form instead.
    /// </summary>
    public static string ClientOrderId(Guid signalId) => ClientOrderIdPrefix + signalId.ToString("N")[..24];

    public static TradeDirection ToDirection(SignalDirection direction) => direction switch
    {
        SignalDirection.Long => TradeDirection.Long,
        SignalDirection.Short => TradeDirection.Short,
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown signal direction."),
    };

    public static OrderSide ToSide(SignalDirection direction) => direction switch
    {
        SignalDirection.Long => OrderSide.Buy,
        SignalDirection.Short => OrderSide.Sell,
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown signal direction."),
    };

    /// <summary>Perpetual futures carry the <c>:PERP</c> suffix in their normalised symbol (for example <c>BTC/USD:PERP</c>).</summary>
    public const string PerpetualSuffix = ":PERP";

    /// <summary>
    /// What the gate is asked: the signal's trade, whether it is on a perpetual, and the edge of its backtest record when the record
    /// measured its mean win and loss in R (Kelly sizing needs them).
    /// </summary>
    public static RiskRequest ToRequest(SignalGenerated signal) => new()
    {
        Symbol = signal.Symbol,
        Direction = ToDirection(signal.Direction),
        Entry = signal.Entry,
        StopLoss = signal.StopLoss,
        IsPerpetual = signal.Symbol.EndsWith(PerpetualSuffix, StringComparison.Ordinal),
        Edge = signal.Backtest is { AverageWinR: > 0 and var win, AverageLossR: > 0 and var loss } record
            ? new TradeEdge { WinRate = record.WinRate, AverageWinR = win, AverageLossR = loss }
            : null,
    };

    /// <summary>The order for an approved signal.</summary>
    public static PlaceOrder ToPlaceOrder(SignalGenerated signal, RiskDecision decision, DateTimeOffset requestedAt)
    {
        if (!decision.Approved)
        {
            throw new ArgumentException($"Signal {signal.SignalId} was rejected ({decision.Rule}); there is no order to place.", nameof(decision));
        }

        return new PlaceOrder
        {
            OrderId = OrderId(signal.SignalId),
            ClientOrderId = ClientOrderId(signal.SignalId),
            SignalId = signal.SignalId,
            Venue = signal.Venue,
            Symbol = signal.Symbol,
            Side = ToSide(signal.Direction),
            Quantity = decision.Quantity,
            Entry = signal.Entry,
            StopLoss = signal.StopLoss,
            TakeProfit = signal.TakeProfit,
            SignalAt = signal.SignalAt,
            RequestedAt = requestedAt,
        };
    }

    /// <summary>The announcement that a signal was approved, with its size.</summary>
    public static SignalApproved ToSignalApproved(SignalGenerated signal, RiskDecision decision, decimal equity, DateTimeOffset approvedAt)
    {
        if (!decision.Approved)
        {
            throw new ArgumentException($"Signal {signal.SignalId} was rejected ({decision.Rule}); it cannot be announced as approved.", nameof(decision));
        }

        return new SignalApproved
        {
            SignalId = signal.SignalId,
            Strategy = signal.Strategy,
            Venue = signal.Venue,
            Symbol = signal.Symbol,
            Interval = signal.Interval,
            Direction = signal.Direction,
            Entry = signal.Entry,
            StopLoss = signal.StopLoss,
            TakeProfit = signal.TakeProfit,
            RiskReward = signal.RiskReward,
            Confidence = signal.Confidence,
            Reason = signal.Reason,
            SignalAt = signal.SignalAt,
            Regime = signal.Regime,
            HigherTimeframe = signal.HigherTimeframe,
            HigherTimeframeTrend = signal.HigherTimeframeTrend,
            MacroTrend = signal.MacroTrend,
            Backtest = signal.Backtest,
            Quantity = decision.Quantity,
            Notional = decision.Quantity * signal.Entry,
            RiskAmount = decision.Quantity * Math.Abs(signal.Entry - signal.StopLoss),
            Equity = equity,
            SizingReason = decision.Reason,
            ApprovedAt = approvedAt,
        };
    }

    /// <summary>The announcement that a signal was rejected.</summary>
    public static SignalRejected ToSignalRejected(SignalGenerated signal, RiskDecision decision, DateTimeOffset rejectedAt)
    {
        if (decision.Approved)
        {
            throw new ArgumentException($"Signal {signal.SignalId} was approved; it cannot be announced as rejected.", nameof(decision));
        }

        return new SignalRejected
        {
            SignalId = signal.SignalId,
            Symbol = signal.Symbol,
            Rule = decision.Rule ?? "unknown",
            Reason = decision.Reason,
            RejectedAt = rejectedAt,
        };
    }
}
