using System.Globalization;
using Spectre.Console;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;

namespace Trading.Cli.Watch;

/// <summary>One readable console line per event, in Spectre markup.</summary>
public static class EventLine
{
    public static string? Format(object message) => message switch
    {
        CandleClosed c => $"[grey]{Time(c.ClosedAt)}[/] [blue]CANDLE[/]  {Escape(c.Symbol)} {c.Interval} {Time(c.OpenedAt)}  O {Price(c.Open)}  H {Price(c.High)}  L {Price(c.Low)}  C {Price(c.Close)}  V {c.Volume.ToString("0.########", CultureInfo.InvariantCulture)}  ({c.TradeCount} trades{(c.IsSynthetic ? ", no trades: flat" : "")})",
        SignalGenerated s => $"[grey]{Time(s.SignalAt)}[/] [yellow bold]SIGNAL[/]  {(s.Direction == SignalDirection.Long ? "[green]LONG[/]" : "[red]SHORT[/]")} {Escape(s.Symbol)} {s.Interval} {Escape(s.Strategy)}  entry {Price(s.Entry)}  stop {Price(s.StopLoss)}  target {Price(s.TakeProfit)}  R:R {s.RiskReward:0.0#}  — {Escape(s.Reason)}",
        SignalRejected r => $"[grey]{Time(r.RejectedAt)}[/] [darkorange]REJECTED[/] {Escape(r.Symbol)}  {Escape(r.Rule)}: {Escape(r.Reason)}",
        OrderFilled f => $"[grey]{Time(f.FilledAt)}[/] [aqua]FILL[/]    {(f.OpensPosition ? "open " : "close")} {f.Side.ToString().ToUpperInvariant()} {f.Quantity.ToString("0.########", CultureInfo.InvariantCulture)} {Escape(f.Symbol)} @ {Price(f.Price)}  fee {Money(f.Fee)}{(f.IsPaper ? "  (paper)" : "")}",
        PositionClosed p => $"[grey]{Time(p.ClosedAt)}[/] {(p.RealizedPnl >= 0 ? "[green]CLOSED[/]" : "[red]CLOSED[/]")}  {Escape(p.Symbol)} {p.ExitReason}  {Price(p.EntryPrice)} → {Price(p.ExitPrice)}  P&L {Money(p.RealizedPnl)}  ({p.RMultiple:+0.00;-0.00}R)",
        TradingHalted h => $"[grey]{Time(h.HaltedAt)}[/] [red bold]HALTED[/]  {Escape(h.Rule)}: {Escape(h.Reason)}",
        TradingResumed r => $"[grey]{Time(r.ResumedAt)}[/] [green bold]RESUMED[/] {Escape(r.Reason)}",
        FeedStatusChanged f => $"[grey]{Time(f.ChangedAt)}[/] [purple]FEED[/]    {Escape(f.Venue)} {f.Status}: {Escape(f.Reason)}",
        _ => null,
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Price(decimal price) => price.ToString("#,0.########", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("+#,0.00;-#,0.00;0.00", CultureInfo.InvariantCulture);

    private static string Escape(string text) => Markup.Escape(text);
}
