using System.Text;
using BenchmarkDotNet.Attributes;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Coinbase;
using Trading.MarketData.Exchange.Kraken;
using Trading.MarketData.Exchange.KrakenFutures;

namespace Trading.Benchmarks;

/// <summary>
/// Frame parsing throughput. Each invocation parses <see cref="FramesPerInvoke"/> frames, so the reported time and
/// allocation are per frame; frames/s per core = 1e9 / Mean(ns).
/// </summary>
[MemoryDiagnoser]
public class FrameParserBenchmarks
{
    private const int FramesPerInvoke = 1000;

    private static readonly byte[] KrakenSingleTrade = Encoding.UTF8.GetBytes(
        """{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"sell","price":68123.4,"qty":0.01520000,"ord_type":"market","trade_id":76543210,"timestamp":"2025-11-10T17:23:53.123456Z"}]}""");

    private static readonly byte[] KrakenTenTrades = Encoding.UTF8.GetBytes(
        """{"channel":"trade","type":"update","data":["""
        + string.Join(
            ",",
            Enumerable.Range(0, 10).Select(i =>
                $$"""{"symbol":"BTC/USD","side":"{{(i % 2 == 0 ? "buy" : "sell")}}","price":68123.{{i}},"qty":0.0{{i + 1}}5,"ord_type":"limit","trade_id":{{76543210 + i}},"timestamp":"2025-11-10T17:23:53.12345{{i}}Z"}"""))
        + "]}");

    private static readonly byte[] FuturesTrade = Encoding.UTF8.GetBytes(
        """{"feed":"trade","product_id":"PF_XBTUSD","uid":"05af78ac-a774-478c-a50c-8b9c234e071e","side":"sell","type":"fill","seq":653355,"time":1612266317519,"qty":0.0150,"price":68123.5}""");

    private static readonly byte[] CoinbaseSingleTradeFrame = Encoding.UTF8.GetBytes(
        """{"channel":"market_trades","client_id":"","timestamp":"2026-09-30T01:41:27.834Z","sequence_num":5,"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"846149798","price":"68123.45","size":"0.03710506","time":"2026-09-30T01:41:25.375232Z","side":"SELL"}]}]}""");

    private readonly KrakenSpotFrameParser _spot = new();
    private readonly CoinbaseFrameParser _coinbase = new();
    private readonly KrakenFuturesFrameParser _futures = new();
    private readonly ParsedFrame _result = new();

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int KrakenSpotSingleTrade() => Run(_spot, KrakenSingleTrade);

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int KrakenSpotTenTrades() => Run(_spot, KrakenTenTrades);

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int KrakenFuturesTrade() => Run(_futures, FuturesTrade);

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int CoinbaseSingleTrade() => Run(_coinbase, CoinbaseSingleTradeFrame);

    private int Run(IVenueFrameParser parser, byte[] frame)
    {
        var trades = 0;
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            _result.Clear();
            parser.Parse(frame, _result);
            trades += _result.Trades.Count;
        }

        return trades;
    }
}
