using System.Globalization;
using System.Net;
using System.Text;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;

namespace Trading.Notification.Telegram;

/// <summary>
/// The replies to commands, as Telegram HTML (<c>parse_mode=HTML</c>): every value that comes from elsewhere is escaped, so a reason
/// with <c>&lt;</c> or <c>&amp;</c> cannot break the message. Numbers use the invariant culture.
/// </summary>
public static class TelegramReplies
{
    /// <summary>Escapes text for Telegram HTML (<c>&lt; &gt; &amp; "</c> and the apostrophe).</summary>
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    public static string Status(TradingStatus status)
    {
        var text = new StringBuilder();
        text.Append(status.Halted ? "⛔ <b>Trading halted</b>\n" : "✅ <b>Trading</b>\n");
        text.Append(Invariant($"Equity: {status.Equity:#,0.00} (peak {status.PeakEquity:#,0.00}, drawdown {status.Drawdown * 100:0.00} %)\n"));
        text.Append(Invariant($"P&amp;L today: {status.PnlToday:+#,0.00;-#,0.00;0.00}\n"));
        text.Append(Invariant($"Open positions: {status.OpenPositions}"));
        foreach (var halt in status.Halts)
        {
            text.Append("\n• ").Append(Html(halt));
        }

        return text.ToString();
    }

    public static string Positions(OpenPositionsList list)
    {
        if (list.Positions.Count == 0)
        {
            return "No open positions.";
        }

        var text = new StringBuilder(Invariant($"<b>{list.Positions.Count} open position{(list.Positions.Count == 1 ? "" : "s")}</b>"));
        foreach (var p in list.Positions)
        {
            var direction = p.Side == OrderSide.Buy ? "long" : "short";
            text.Append('\n').Append(Invariant($"<code>{p.PositionId.ToString("N")[..8]}</code> {direction} {p.Quantity} {Html(p.Symbol)} @ {p.EntryPrice}"));
            text.Append(Invariant($", stop {p.StopLoss}, target {p.TakeProfit}"));
            if (p.LastPrice is { } last && p.UnrealizedPnl is { } pnl)
            {
                text.Append(Invariant($"; now {last}, P&amp;L {pnl:+#,0.00;-#,0.00;0.00}"));
            }
        }

        return text.ToString();
    }

    public static string Stats(TradingStats stats)
    {
        if (stats.ClosedTrades == 0)
        {
            return "No closed trades yet.";
        }

        var profitFactor = stats.ProfitFactor is { } pf ? Invariant($"{pf:0.00}") : "∞ (no losing trade)";
        return Invariant(
            $"<b>{stats.ClosedTrades} closed trade{(stats.ClosedTrades == 1 ? "" : "s")}</b>\n") +
            Invariant($"Wins {stats.Wins}, losses {stats.Losses}, win rate {stats.WinRate * 100:0.0} %\n") +
            $"Profit factor: {profitFactor}\n" +
            Invariant($"Net P&amp;L: {stats.NetPnl:+#,0.00;-#,0.00;0.00}");
    }

    public static string Result(OperatorCommandResult result) => (result.Applied ? "✅ " : "ℹ️ ") + Html(result.Summary);

    public static string Unknown(string name) => $"Unknown command /{Html(name)}. Send /help for the list.";

    public static string CloseWithoutId() => "Usage: /close &lt;position id&gt; [reason]. /positions shows the ids.";

    /// <summary>
    /// The owner did not answer in time. The request expires with its timeout (MassTransit sets its time to live), so a command may or
    /// may not have been carried out; repeating one is safe (engaging an engaged kill switch or closing a closed position changes nothing).
    /// </summary>
    public static string NoAnswer(string owner, TimeSpan waited, bool isCommand) =>
        Invariant($"⏳ {Html(owner)} did not answer within {waited.TotalSeconds:0} s.") +
        (isCommand ? " The command may not have been carried out: check with /status or /positions and send it again." : " Try again later.");

    /// <summary>The owner refused the request with an error; its message is shown escaped.</summary>
    public static string Failed(string owner, string error) => $"❌ {Html(owner)} could not do it: {Html(error)}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
