using System.ComponentModel.DataAnnotations;
using Trading.Markets.Strategies;

namespace Trading.Signal;

/// <summary>Configurable parameters of <see cref="EmaCrossStrategy"/> (section <c>Signal:EmaCross</c>).</summary>
public sealed class EmaCrossSettings
{
    /// <summary>Period of the fast EMA, in candles; below <see cref="SlowPeriod"/>.</summary>
    [Range(1, 10_000)]
    public int FastPeriod { get; set; } = 9;

    /// <summary>Period of the slow EMA, in candles.</summary>
    [Range(1, 10_000)]
    public int SlowPeriod { get; set; } = 21;

    /// <summary>Period of the ATR that sets the stop distance, in candles.</summary>
    [Range(1, 10_000)]
    public int AtrPeriod { get; set; } = 14;

    /// <summary>Stop distance from entry, in ATRs.</summary>
    [Range(typeof(decimal), "0", "1000", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal StopAtrMultiple { get; set; } = 1.5m;

    /// <summary>Take-profit distance in multiples of the stop distance.</summary>
    [Range(typeof(decimal), "0", "1000", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal RiskReward { get; set; } = 2.0m;

    public EmaCrossOptions ToOptions() => new()
    {
        FastPeriod = FastPeriod,
        SlowPeriod = SlowPeriod,
        AtrPeriod = AtrPeriod,
        StopAtrMultiple = StopAtrMultiple,
        RiskReward = RiskReward,
    };

    /// <summary>
    /// Checks the ranges and that the fast period is below the slow one. The shared validator does not descend into
    /// nested objects, so <see cref="SignalOptions"/> calls this and prefixes the member names.
    /// </summary>
    public IEnumerable<ValidationResult> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        if (FastPeriod >= SlowPeriod)
        {
            results.Add(new ValidationResult(
                $"The FastPeriod ({FastPeriod}) must be below the SlowPeriod ({SlowPeriod}).", [nameof(FastPeriod)]));
        }

        return results;
    }
}
