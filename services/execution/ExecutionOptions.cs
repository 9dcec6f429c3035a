using System.ComponentModel.DataAnnotations;

namespace Trading.Execution;

/// <summary>How orders are executed (section <c>Execution</c>).</summary>
public sealed class ExecutionOptions : IValidatableObject
{
    public const string Section = "Execution";

    public const string PaperMode = "Paper";

    /// <summary>"Paper" fills orders from observed market trades and quotes with a slippage and fee model. Live trading is not implemented yet.</summary>
    [Required]
    public string Mode { get; set; } = PaperMode;

    /// <summary>Fixed paper slippage against the trader, in basis points of the reference price.</summary>
    [Range(typeof(decimal), "0", "1000")]
    public decimal SlippageBps { get; set; } = 2m;

    /// <summary>Extra slippage in basis points per <see cref="SizeImpactNotional"/> of order notional.</summary>
    [Range(typeof(decimal), "0", "1000")]
    public decimal SizeImpactBps { get; set; } = 1m;

    /// <summary>The notional (quote currency) that costs <see cref="SizeImpactBps"/>.</summary>
    [Range(typeof(decimal), "0.00000001", "1000000000000")]
    public decimal SizeImpactNotional { get; set; } = 10_000m;

    /// <summary>Fee of market entries, stops, trailing stops, time exits and flattens, as a fraction of notional (Kraken's base taker rate).</summary>
    [Range(typeof(decimal), "0", "0.01")]
    public decimal TakerFeeRate { get; set; } = 0.0026m;

    /// <summary>Fee of the take profit, a resting limit order, as a fraction of notional (Kraken's base maker rate).</summary>
    [Range(typeof(decimal), "0", "0.01")]
    public decimal MakerFeeRate { get; set; } = 0.0016m;

    /// <summary>A quote older than this (before a trade) adds no half spread to the trade's fill.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan QuoteMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A position closes on the first trade at or after its opening time plus this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan MaxHolding { get; set; } = TimeSpan.FromHours(24);

    public ExecutionTrailingStopOptions TrailingStop { get; set; } = new();

    /// <summary>Close every open position at the latest market price when the service is stopped (SIGTERM).</summary>
    public bool FlattenOnShutdown { get; set; }

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

        // The validator does not descend into nested objects.
        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(TrailingStop, new ValidationContext(TrailingStop), nested, validateAllProperties: true);
        foreach (var result in nested)
        {
            yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(m => $"{nameof(TrailingStop)}:{m}")]);
        }
    }
}
