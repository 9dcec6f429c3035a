namespace Trading.MarketData.Replay;

/// <summary>What a replay file holds (<c>Replay:Format</c>).</summary>
public enum ReplayFileFormat
{
    /// <summary>Decided by the header line: <c>time_utc_iso,price,size,side</c> or <c>time_utc_iso,open,high,low,close,volume</c>.</summary>
    Auto,

    /// <summary>Trades, <c>time_utc_iso,price,size,side</c>.</summary>
    Trades,

    /// <summary>Candles, <c>time_utc_iso,open,high,low,close,volume</c>, time = bar start; replayed as synthetic trades.</summary>
    Candles,
}
