namespace Trading.Integration.Tests.Risk;

/// <summary>A row of risk.decisions as the tests read it.</summary>
internal sealed class StoredDecision
{
    public bool Approved { get; set; }

    public decimal Quantity { get; set; }

    public decimal? Notional { get; set; }

    public string? Rule { get; set; }

    public string Reason { get; set; } = "";

    public string? Inputs { get; set; }
}
