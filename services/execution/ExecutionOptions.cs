using System.ComponentModel.DataAnnotations;

namespace Trading.Execution;

/// <summary>How orders are executed (section <c>Execution</c>).</summary>
public sealed class ExecutionOptions : IValidatableObject
{
    public const string Section = "Execution";

    public const string PaperMode = "Paper";

    /// <summary>"Paper" fills orders from observed market trades with a slippage and fee model. Live trading is not implemented yet.</summary>
    [Required]
    public string Mode { get; set; } = PaperMode;

    /// <summary>Paper slippage against the trader, in basis points of the trade price.</summary>
    [Range(typeof(decimal), "0", "1000")]
    public decimal SlippageBps { get; set; } = 2m;

    /// <summary>Paper fee as a fraction of notional (0.0026 = 0.26 %, Kraken's base taker rate).</summary>
    [Range(typeof(decimal), "0", "0.01")]
    public decimal FeeRate { get; set; } = 0.0026m;

    /// <summary>
    /// How much market history (in market time, before the newest trade) is kept to fill orders that arrive after
    /// the trades that should fill them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TradeRetention { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(Mode, "Live", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"live trading is not implemented yet; set {Section}:{nameof(Mode)} to {PaperMode}.", [nameof(Mode)]);
        }
        else if (!string.Equals(Mode, PaperMode, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"must be {PaperMode}.", [nameof(Mode)]);
        }
    }
}
