namespace Trading.Notification.Persistence;

/// <summary>The account as risk last announced it.</summary>
public sealed class AccountSnapshot
{
    public decimal Equity { get; set; }

    public decimal PnlToday { get; set; }

    public int OpenPositions { get; set; }

    public string Halts { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
