using System.ComponentModel.DataAnnotations;
using Trading.Markets;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Signal;

/// <summary>Which series run which strategies with what parameters, and the live gate (section <c>Signal</c>).</summary>
public sealed class SignalOptions : IValidatableObject
{
    public const string Section = "Signal";

    /// <summary>The most candles one <c>GetCandleHistory</c> may ask candle-builder for (its own limit).</summary>
    public const int MaxHistoryRequest = 5000;

    private static readonly string[] DefaultIntervals = ["5m", "15m", "30m", "1h"];

    /// <summary>
    /// Interval codes the strategies run on; candles of other intervals are ignored. Empty means 5m, 15m, 30m and 1h: the
    /// default lives in <see cref="ActiveIntervals"/>, because the configuration binder appends configured array items to a
    /// non-empty default instead of replacing it.
    /// </summary>
    public string[] Intervals { get; set; } = [];

    /// <summary>Names of the strategies to run (see <see cref="StrategyCatalog.Names"/>). Empty means all of them.</summary>
    public string[] Strategies { get; set; } = [];

    /// <summary>Every strategy's parameters (<c>Signal:Parameters:EmaCross:FastPeriod</c> …); the backtester uses the same class.</summary>
    public StrategySettings Parameters { get; set; } = new();

    /// <summary>The lowest reward-to-risk a signal may carry, per interval.</summary>
    public RiskRewardMinimums RiskReward { get; set; } = new();

    /// <summary>
    /// Candles per series replayed into the strategies of a series created after a start or a failure. 5000 lets the macro trend
    /// of every default interval warm up: on 15m it is the daily EMA(50), 50 × 96 = 4800 candles.
    /// </summary>
    [Range(0, 100_000)]
    public int WarmUpCandles { get; set; } = 5000;

    /// <summary>When fewer than <see cref="WarmUpCandles"/> are stored, ask candle-builder (<c>GetCandleHistory</c>) for more.</summary>
    public bool RequestHistory { get; set; } = true;

    /// <summary>How long to wait for candle-builder's answer; without one the series warms up from what is stored.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan HistoryRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The live gate.</summary>
    public SignalGateOptions Gate { get; set; } = new();

    /// <summary>This instance's number, 0 to <see cref="Instances"/> − 1; a standby runs with the same number as its active twin.</summary>
    public int Instance { get; set; }

    /// <summary>How many instances share the markets (1 to 16, the number of candle partitions); instance i consumes partitions p with p mod n = i.</summary>
    public int Instances { get; set; } = 1;

    public IReadOnlyList<string> ActiveIntervals() => Intervals.Length == 0 ? DefaultIntervals : Intervals;

    public IReadOnlyList<string> ActiveStrategies() => Strategies.Length == 0 ? StrategyCatalog.Names : Strategies;

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

        foreach (var name in Strategies)
        {
            if (!StrategyCatalog.Contains(name))
            {
                yield return new ValidationResult(
                    $"'{name}' is not a strategy; the strategies are {string.Join(", ", StrategyCatalog.Names)}.", [nameof(Strategies)]);
            }
        }

        if (Strategies.Length != Strategies.Distinct(StringComparer.Ordinal).Count())
        {
            yield return new ValidationResult("A strategy is named twice.", [nameof(Strategies)]);
        }

        if (PartitionOwnership.Check(Instance, Instances, Section) is var (setting, problem))
        {
            yield return new ValidationResult(problem, [setting]);
        }

        if (RiskReward.Validate() is { } riskReward)
        {
            var key = riskReward.Split(' ')[0];
            yield return new ValidationResult(riskReward, [$"{nameof(RiskReward)}:{key}"]);
        }

        foreach (var name in ActiveStrategies().Where(StrategyCatalog.Contains))
        {
            if (ParameterError(name) is { } error)
            {
                yield return error;
            }
        }
    }

    // The strategies check their own parameters when created, and name the bad one; this turns that into the configuration key.
    private ValidationResult? ParameterError(string name)
    {
        try
        {
            StrategyCatalog.Create(name, Parameters);
            return null;
        }
        catch (ArgumentException ex)
        {
            var parameters = StrategyCatalog.ParametersOf(name, Parameters);
            var property = typeof(StrategySettings).GetProperties().FirstOrDefault(p => ReferenceEquals(p.GetValue(Parameters), parameters));
            var key = $"{nameof(Parameters)}:{property?.Name ?? name}" + (ex.ParamName is { Length: > 0 } parameter ? $":{parameter}" : "");
            return new ValidationResult($"{name}: {ex.Message}", [key]);
        }
    }
}
