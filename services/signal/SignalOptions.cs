using System.ComponentModel.DataAnnotations;
using Trading.Markets;

namespace Trading.Signal;

/// <summary>Which series the strategy runs on and with what parameters (section <c>Signal</c>).</summary>
public sealed class SignalOptions : IValidatableObject
{
    public const string Section = "Signal";

    private static readonly string[] DefaultIntervals = ["1m"];

    /// <summary>
    /// Interval codes the strategy runs on; candles of other intervals are ignored. Empty means <c>["1m"]</c>: the
    /// default lives in <see cref="ActiveIntervals"/>, because the configuration binder appends configured array items
    /// to a non-empty default instead of replacing it.
    /// </summary>
    public string[] Intervals { get; set; } = [];

    /// <summary>Parameters of the EMA cross strategy.</summary>
    public EmaCrossSettings EmaCross { get; set; } = new();

    /// <summary>How many stored candles per series are replayed into a strategy created after a start or a failure.</summary>
    [Range(0, 100_000)]
    public int WarmUpCandles { get; set; } = 500;

    public IReadOnlyList<string> ActiveIntervals() => Intervals.Length == 0 ? DefaultIntervals : Intervals;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var code in Intervals)
        {
            if (!Interval.TryParse(code, out _))
            {
                yield return new ValidationResult(
                    $"'{code}' is not an interval code; valid codes are {string.Join(", ", Interval.All.Select(i => i.Code))}.",
                    [nameof(Intervals)]);
            }
        }

        foreach (var result in EmaCross.Validate())
        {
            yield return new ValidationResult(result.ErrorMessage, result.MemberNames.Select(name => $"{nameof(EmaCross)}:{name}"));
        }
    }
}
