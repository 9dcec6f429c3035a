namespace Trading.CandleBuilder.WarmUp;

/// <summary>
/// Which series are warmed up at start (section <c>CandleBuilder:WarmUp</c>, bound as <see cref="CandleBuilderOptions.WarmUp"/>):
/// for every market and every built interval, the last <see cref="Candles"/> closed candles are made complete in <c>candles</c>,
/// from what is stored and, for the rest, from the venue's REST OHLC through market-data.
/// </summary>
public sealed class CandleWarmUpOptions
{
    public const string Section = CandleBuilderOptions.Section + ":WarmUp";

    /// <summary>The most candles per series; market-data answers at most this many in one request.</summary>
    public const int MaxCandles = 5000;

    /// <summary>Markets as <c>VENUE:SYMBOL</c>, upper case, for example <c>KRAKEN:BTC/USD</c>; empty warms nothing.</summary>
    public string[] Markets { get; set; } = [];

    /// <summary>Closed candles per series (per market and interval) to have stored once the warm-up is done.</summary>
    public int Candles { get; set; } = 300;

    /// <summary>How long to wait for market-data's answer to one history request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs the warm-up at start; false skips it (the markets stay configured).</summary>
    public bool Enabled { get; set; } = true;
}
