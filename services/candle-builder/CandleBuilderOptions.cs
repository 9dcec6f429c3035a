using Trading.CandleBuilder.WarmUp;

namespace Trading.CandleBuilder;

/// <summary>Which candles are built and when quiet ones are closed (section <c>CandleBuilder</c>).</summary>
public sealed class CandleBuilderOptions
{
    public const string Section = "CandleBuilder";

    /// <summary>The intervals built when <see cref="Intervals"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultIntervals = ["1m", "2m", "5m", "15m", "30m", "1h", "4h", "1d"];

    /// <summary>Interval codes to build (1m, 2m, 5m, 15m, 30m, 1h, 4h, 1d); empty means <see cref="DefaultIntervals"/>.</summary>
    /// <remarks>
    /// Empty rather than holding the default, because the configuration binder appends configured array items to the
    /// items already present: a default of ["1m"] plus a configured ["5m"] would bind to ["1m", "5m"].
    /// </remarks>
    public string[] Intervals { get; set; } = [];

    /// <summary>How long after an interval ends (on the market clock) late trades are still awaited before a timer closes it.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the quiet-market scan runs.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Close candles by timer when no trade arrives; when false, a candle closes only on the next trade.</summary>
    public bool CloseQuietCandles { get; set; } = true;

    /// <summary>This instance's number, 0 to <see cref="Instances"/> − 1; a standby runs with the same number as its active twin.</summary>
    public int Instance { get; set; }

    /// <summary>How many instances share the markets (at most 16, the number of trade partitions).</summary>
    public int Instances { get; set; } = 1;

    /// <summary>History loaded at start so indicators downstream are ready at once (section <c>CandleBuilder:WarmUp</c>).</summary>
    public CandleWarmUpOptions WarmUp { get; set; } = new();
}
