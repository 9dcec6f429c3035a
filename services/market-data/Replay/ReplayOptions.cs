using System.ComponentModel.DataAnnotations;

namespace Trading.MarketData.Replay;

/// <summary>The replay source: recorded trades or candles played from a CSV file (section <c>Replay</c>).</summary>
public sealed class ReplayOptions
{
    public const string Section = "Replay";

    /// <summary>
    /// Path of the trades file (<c>time_utc_iso,price,size,side</c>) or candles file (<c>time_utc_iso,open,high,low,close,volume</c>)
    /// with one header line (required for the replay source).
    /// </summary>
    public string File { get; set; } = "";

    /// <summary>What the file holds; <see cref="ReplayFileFormat.Auto"/> reads it from the header line.</summary>
    public ReplayFileFormat Format { get; set; } = ReplayFileFormat.Auto;

    /// <summary>
    /// The bar length of a candles file; null detects it as the shortest step between two bars (a file with missing bars
    /// still has at least two adjacent ones). Needed only for a candles file of a single bar.
    /// </summary>
    public TimeSpan? CandleInterval { get; set; }

    /// <summary>
    /// Skips the start of the file: the first trade published is the first at or after the file's first row time plus this
    /// offset (for candles, the first whole bar that starts at or after it). Not negative; exclusive with <see cref="StartAt"/>.
    /// </summary>
    public TimeSpan StartOffset { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The same as <see cref="StartOffset"/> as an absolute time (for example the start of a sell-off); null = from the first row.
    /// </summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>
    /// At the end of the file, plays the same section again, with times shifted forward so that time keeps increasing and with
    /// trade ids that differ per loop; runs until stopped.
    /// </summary>
    public bool Loop { get; set; }

    /// <summary>Replay speed: 0 = as fast as possible, 1 = real time, N = N times faster.</summary>
    [Range(typeof(decimal), "0", "1000000000")]
    public decimal Speed { get; set; } = 1m;

    /// <summary>Venue the recorded trades are published as (upper case).</summary>
    [Required]
    public string Venue { get; set; } = "KRAKEN";

    /// <summary>Symbol the recorded trades are published as (upper case).</summary>
    [Required]
    public string Symbol { get; set; } = "BTC/USD";

    /// <summary>Most trades in one <c>TradesReceived</c> message.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// At a speed above 0, a batch is also cut once the next trade is this much replay time after the batch's first trade,
    /// which bounds how long a trade waits in a batch.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromSeconds(1);
}
