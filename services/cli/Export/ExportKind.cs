namespace Trading.Cli.Export;

/// <summary>What <c>trading export</c> reads: one per service table it can export.</summary>
public enum ExportKind
{
    /// <summary>Execution's positions, open and closed, with their entry and exit fills.</summary>
    Trades,

    /// <summary>Signal's stored signals, published and suppressed.</summary>
    Signals,

    /// <summary>Risk's decisions, every column the table has.</summary>
    Decisions,
}
