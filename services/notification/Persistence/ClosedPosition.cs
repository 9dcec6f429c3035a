namespace Trading.Notification.Persistence;

/// <summary>A closed position as the daily summary needs it.</summary>
public sealed class ClosedPosition
{
    public string Symbol { get; set; } = "";

    public decimal Pnl { get; set; }

    public decimal RMultiple { get; set; }
}
