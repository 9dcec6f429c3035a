namespace Trading.Risk.Decisions;

/// <summary>The account as committed: equity in quote currency, and positions open or awaiting a fill.</summary>
public sealed record AccountSnapshot(decimal Equity, int OpenPositions);
