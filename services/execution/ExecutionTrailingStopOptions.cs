using System.ComponentModel.DataAnnotations;

namespace Trading.Execution;

/// <summary>
/// The trailing stop (section <c>Execution:TrailingStop</c>). R is a position's initial risk per unit, |entry − stop loss|.
/// </summary>
public sealed class ExecutionTrailingStopOptions
{
    public bool Enabled { get; set; }

    /// <summary>The stop starts trailing once the best price moved this many R in the trader's favour.</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal ActivationR { get; set; } = 1m;

    /// <summary>The trailed stop stays this many R behind the best price.</summary>
    [Range(typeof(decimal), "0.01", "100")]
    public decimal DistanceR { get; set; } = 1m;
}
