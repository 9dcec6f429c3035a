namespace Trading.Markets.Execution;

/// <summary>The outcome of a closed position; money is in quote currency.</summary>
public sealed record PositionResult
{
    /// <summary>Profit before fees: (exit − entry) × quantity for a long, (entry − exit) × quantity for a short.</summary>
    public required decimal GrossPnl { get; init; }

    /// <summary>Entry fee plus exit fee.</summary>
    public required decimal Fees { get; init; }

    /// <summary><see cref="GrossPnl"/> − <see cref="Fees"/>.</summary>
    public required decimal NetPnl { get; init; }

    /// <summary>
    /// <see cref="NetPnl"/> in units of the risk taken, quantity × |entry − stop loss|: −1 is a full stop-out before fees,
    /// 2 is twice the risk won. 0 when that risk is 0.
    /// </summary>
    public required decimal RMultiple { get; init; }
}
