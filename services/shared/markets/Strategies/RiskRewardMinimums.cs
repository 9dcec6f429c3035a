namespace Trading.Markets.Strategies;

/// <summary>
/// The minimum reward-to-risk per interval: a 2:1 trade breaks even at 33 % wins, so shorter intervals, with their higher fee share,
/// need at least that. Defaults: 2m 2.0, 5m 2.0, 15m 2.5, 30m 3.0, every other interval 2.0.
/// </summary>
public sealed class RiskRewardMinimums
{
    /// <summary>The minimum for intervals not listed in <see cref="ByInterval"/>.</summary>
    public decimal Default { get; set; } = 2.0m;

    /// <summary>Minimum per interval code; an entry here replaces the default of that interval.</summary>
    public Dictionary<string, decimal> ByInterval { get; set; } = new(StringComparer.Ordinal)
    {
        ["2m"] = 2.0m,
        ["5m"] = 2.0m,
        ["15m"] = 2.5m,
        ["30m"] = 3.0m,
    };

    /// <summary>The minimum R:R of <paramref name="interval"/>.</summary>
    public decimal For(Interval interval) => ByInterval.TryGetValue(interval.Code, out var minimum) ? minimum : Default;

    /// <summary>Names the first invalid entry (not positive, or an unknown interval code), or null when all are valid.</summary>
    public string? Validate()
    {
        if (Default <= 0m)
        {
            return $"Default must be positive, not {Default}.";
        }

        foreach (var (code, minimum) in ByInterval)
        {
            if (!Interval.TryParse(code, out _))
            {
                return $"ByInterval:{code} is not an interval code.";
            }

            if (minimum <= 0m)
            {
                return $"ByInterval:{code} must be positive, not {minimum}.";
            }
        }

        return null;
    }
}
