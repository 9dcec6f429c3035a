using System.ComponentModel.DataAnnotations;
using Trading.Markets.Risk;

namespace Trading.Risk;

/// <summary>
/// The account and the limits every trade is checked against (section <c>Risk</c>). The limits may change while running, from the
/// configuration or through the operator endpoint (which overrides them, audited, until changed back).
/// </summary>
public sealed class RiskOptions : IValidatableObject
{
    public const string Section = "Risk";

    /// <summary>Account equity before any fill, in quote currency; fees and closed positions are booked against it.</summary>
    [Range(typeof(decimal), "0", "1000000000000", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal StartingEquity { get; set; } = 10_000m;

    /// <summary>Fraction of equity lost if a trade's stop is hit under fixed-fraction sizing, for example 0.02 for 2 %.</summary>
    [Range(typeof(decimal), "0", "0.2", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal RiskPerTrade { get; set; } = 0.02m;

    /// <summary>Positions open at once, orders awaiting a fill included.</summary>
    [Range(1, 1_000)]
    public int MaxOpenPositions { get; set; } = 2;

    /// <summary>
    /// Largest notional of one position as a fraction of equity (0.5 = half of equity); larger sizes are capped to it. Above 1 only
    /// makes sense on perpetuals, where <see cref="MaxLeverage"/> bounds the total.
    /// </summary>
    [Range(typeof(decimal), "0", "100", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MaxPositionNotional { get; set; } = 0.5m;

    /// <summary>Quantity increment the venue accepts (lot size), in base currency; quantities are rounded down to it.</summary>
    [Range(typeof(decimal), "0", "1000000", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal QuantityStep { get; set; } = 0.00000001m;

    /// <summary>Smallest order quantity the venue accepts, in base currency; smaller sizes are refused.</summary>
    [Range(typeof(decimal), "0", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MinQuantity { get; set; } = 0.00001m;

    /// <summary><c>FixedFraction</c> (RiskPerTrade of equity per trade) or <c>Kelly</c> (capped fractional Kelly from the signal's backtest record).</summary>
    public PositionSizing Sizing { get; set; } = PositionSizing.FixedFraction;

    /// <summary>Share of the full Kelly fraction risked under Kelly sizing: 0.5 is half-Kelly.</summary>
    public decimal KellyFraction { get; set; } = 0.5m;

    /// <summary>Most equity risked per trade under Kelly sizing.</summary>
    public decimal KellyCap { get; set; } = 0.02m;

    /// <summary>Realised loss of one UTC day, as a fraction of that day's starting equity, that halts new orders until the next UTC day.</summary>
    public decimal MaxDailyLoss { get; set; } = 0.03m;

    /// <summary>Fall of equity from its peak, as a fraction, that halts trading until an operator resumes.</summary>
    public decimal MaxDrawdown { get; set; } = 0.15m;

    /// <summary>Losing trades in a row that start a cooldown; 0 turns it off.</summary>
    public int CooldownAfterLosses { get; set; } = 3;

    /// <summary>How long no new orders are taken after that many losses, from the last one.</summary>
    public TimeSpan CooldownDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Return correlation at or above which two assets count as correlated.</summary>
    public double CorrelationThreshold { get; set; } = 0.8;

    /// <summary>Most same-direction positions in mutually correlated assets, the new one included.</summary>
    public int MaxCorrelatedPositions { get; set; } = 1;

    /// <summary>Most total open notional as a multiple of equity when the new position is on a perpetual (symbols ending in <c>:PERP</c>).</summary>
    public decimal MaxLeverage { get; set; } = 1m;

    /// <summary>Per-symbol lot size and minimum order, over <see cref="QuantityStep"/> and <see cref="MinQuantity"/>.</summary>
    public List<RiskInstrumentOptions> Instruments { get; set; } = [];

    /// <summary>Where the return correlations come from.</summary>
    public RiskCorrelationOptions Correlation { get; set; } = new();

    /// <summary>The operator HTTP endpoint.</summary>
    public RiskOperatorOptions Operator { get; set; } = new();

    /// <summary>Live results against the backtest record.</summary>
    public RiskPerformanceOptions Performance { get; set; } = new();

    /// <summary>How often a daily loss halt that reached its end is lifted and announced.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HaltCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The limits as configured, before any operator override.</summary>
    public RiskLimits ToLimits() => new()
    {
        RiskPerTrade = RiskPerTrade,
        MaxOpenPositions = MaxOpenPositions,
        MaxPositionNotional = MaxPositionNotional,
        QuantityStep = QuantityStep,
        MinQuantity = MinQuantity,
        Sizing = Sizing,
        KellyFraction = KellyFraction,
        KellyCap = KellyCap,
        MaxDailyLoss = MaxDailyLoss,
        MaxDrawdown = MaxDrawdown,
        CooldownAfterLosses = CooldownAfterLosses,
        CooldownDuration = CooldownDuration,
        CorrelationThreshold = CorrelationThreshold,
        MaxCorrelatedPositions = MaxCorrelatedPositions,
        MaxLeverage = MaxLeverage,
    };

    /// <summary><paramref name="limits"/> with the lot size and minimum of <paramref name="symbol"/> when it is listed in <see cref="Instruments"/>.</summary>
    public RiskLimits ForSymbol(RiskLimits limits, string symbol) =>
        Instruments.FirstOrDefault(i => string.Equals(i.Symbol, symbol, StringComparison.Ordinal)) is { } instrument
            ? limits with { QuantityStep = instrument.QuantityStep, MinQuantity = instrument.MinQuantity }
            : limits;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = new List<ValidationResult>();
        for (var i = 0; i < Instruments.Count; i++)
        {
            var instrument = Instruments[i];
            var key = $"{nameof(Instruments)}:{i}";
            if (string.IsNullOrWhiteSpace(instrument.Symbol) || instrument.Symbol != instrument.Symbol.ToUpperInvariant())
            {
                problems.Add(new ValidationResult($"'{instrument.Symbol}' is not an upper-case symbol such as BTC/USD.", [$"{key}:{nameof(RiskInstrumentOptions.Symbol)}"]));
            }
            else if (Instruments.FindIndex(other => other.Symbol == instrument.Symbol) != i)
            {
                problems.Add(new ValidationResult($"{instrument.Symbol} is listed twice.", [$"{key}:{nameof(RiskInstrumentOptions.Symbol)}"]));
            }

            if (instrument.QuantityStep <= 0)
            {
                problems.Add(new ValidationResult("must be above 0.", [$"{key}:{nameof(RiskInstrumentOptions.QuantityStep)}"]));
            }

            if (instrument.MinQuantity < 0)
            {
                problems.Add(new ValidationResult("must not be negative.", [$"{key}:{nameof(RiskInstrumentOptions.MinQuantity)}"]));
            }
        }

        Check(problems, () => RiskGate.ValidateLimits(ToLimits()), name => name);
        Check(problems, () => Performance.ToBand().Validate(), name => $"{nameof(Performance)}:{name}");
        if (Markets.Interval.TryParse(Correlation.Interval, out _) is false)
        {
            problems.Add(new ValidationResult($"'{Correlation.Interval}' is not an interval code (1m 2m 5m 15m 30m 1h 4h 1d).",
                [$"{nameof(Correlation)}:{nameof(RiskCorrelationOptions.Interval)}"]));
        }

        if (Correlation.Candles < 3)
        {
            problems.Add(new ValidationResult("must be at least 3.", [$"{nameof(Correlation)}:{nameof(RiskCorrelationOptions.Candles)}"]));
        }

        if (Correlation.MinCandles < 3 || Correlation.MinCandles > Correlation.Candles)
        {
            problems.Add(new ValidationResult($"must be between 3 and Correlation:Candles ({Correlation.Candles}).",
                [$"{nameof(Correlation)}:{nameof(RiskCorrelationOptions.MinCandles)}"]));
        }

        if (!string.IsNullOrEmpty(Operator.Token) && Operator.Token.Length < RiskOperatorOptions.MinimumTokenLength)
        {
            problems.Add(new ValidationResult($"must be at least {RiskOperatorOptions.MinimumTokenLength} characters (or empty to turn the endpoint off).",
                [$"{nameof(Operator)}:{nameof(RiskOperatorOptions.Token)}"]));
        }

        return problems;
    }

    private static void Check(List<ValidationResult> problems, Action validate, Func<string, string> key)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            var name = ex.ParamName ?? "?";
            problems.Add(new ValidationResult(ex.Message.Split(" (Parameter")[0], [key(name)]));
        }
    }
}
