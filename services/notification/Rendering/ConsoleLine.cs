using Trading.Notification.Notifications;

namespace Trading.Notification.Rendering;

/// <summary>What the console channel writes for a notice: the event name, a colon, and the plain line, always on one line.</summary>
public static class ConsoleLine
{
    /// <summary>For example <c>order-filled: FILLED BUY 0.01 BTC/USD @ 105,420.5 (fee 2.74, paper, opens position)</c>.</summary>
    public static string Render(Notice notice) => $"{notice.Event}: {TextFit.OneLine(notice.Text)}";
}
