using System.ComponentModel.DataAnnotations;

namespace Trading.MarketData.Replay;

/// <summary>The replay source: recorded trades played from a CSV file (section <c>Replay</c>).</summary>
public sealed class ReplayOptions
{
    public const string Section = "Replay";

    /// <summary>Path of the trades file, <c>time_utc_iso,price,size,side</c> with one header line (required for the replay source).</summary>
    public string File { get; set; } = "";

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
