using System.Diagnostics;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.KrakenFutures;
using Trading.MarketData.Tests.Exchange.Kraken;

namespace Trading.MarketData.Tests.Exchange.KrakenFutures;

public sealed class KrakenFuturesFrameParserFuzzTests
{
    private const int MutatedFrames = 100_000;

    [Fact]
    public void Mutated_frames_never_throw_and_never_yield_garbage_trades()
    {
        var seeds = KrakenFixtures.Files("futures-ws")
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) && !f.Contains("test-vector"))
            .Select(KrakenFixtures.ReadBytes)
            .ToArray();
        var tradeFrames = new[] { "futures-ws/trade.delta.PI_XBTUSD.json", "futures-ws/trade_snapshot.PI_XBTUSD.json", "futures-ws/ticker.PF_ETHUSD.json" }
            .Select(KrakenFixtures.ReadBytes)
            .ToArray();
        var parser = new KrakenFuturesFrameParser();
        var mutator = new FrameMutator(seed: 20210202);
        var result = new ParsedFrame();
        var counts = new Dictionary<FrameKind, int>();

        foreach (var frame in tradeFrames)
        {
            for (var length = 0; length < frame.Length; length++)
            {
                Run(parser, frame[..length], result, counts);
            }
        }

        for (var i = 0; i < MutatedFrames; i++)
        {
            // Every other frame mutates a trade or ticker, so the data paths get most of the attention.
            var seed = i % 2 == 0 ? tradeFrames[i / 2 % tradeFrames.Length] : seeds[i / 2 % seeds.Length];
            Run(parser, mutator.Mutate(seed), result, counts);
        }

        Assert.True(counts.GetValueOrDefault(FrameKind.Trades) > 0, "some mutations should still be valid trades");
        Assert.True(counts.GetValueOrDefault(FrameKind.Malformed) > 0);
    }

    private static void Run(KrakenFuturesFrameParser parser, byte[] frame, ParsedFrame result, Dictionary<FrameKind, int> counts)
    {
        result.Clear();

        parser.Parse(frame, result);

        FrameInvariants.Check(frame, result);
        counts[result.Kind] = counts.GetValueOrDefault(result.Kind) + 1;
    }
}
