using System.Diagnostics;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Kraken;

namespace Trading.MarketData.Tests.Exchange.Kraken;

public sealed class KrakenSpotFrameParserFuzzTests
{
    private const int MutatedFrames = 100_000;

    [Fact]
    public void Mutated_frames_never_throw_and_never_yield_garbage_trades()
    {
        var seeds = KrakenFixtures.Files("spot-ws-v2")
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) && !f.Contains("test-vector"))
            .Select(KrakenFixtures.ReadBytes)
            .ToArray();
        var parser = new KrakenSpotFrameParser();
        var mutator = new FrameMutator(seed: 20240501);
        var result = new ParsedFrame();
        var counts = new Dictionary<FrameKind, int>();

        foreach (var frame in seeds.Take(4))
        {
            for (var length = 0; length < frame.Length; length++)
            {
                Run(parser, frame[..length], result, counts);
            }
        }

        for (var i = 0; i < MutatedFrames; i++)
        {
            Run(parser, mutator.Mutate(seeds[i % seeds.Length]), result, counts);
        }

        Assert.True(counts.GetValueOrDefault(FrameKind.Trades) > 0, "some mutations should still be valid trades");
        Assert.True(counts.GetValueOrDefault(FrameKind.Malformed) > 0);
    }

    private static void Run(KrakenSpotFrameParser parser, byte[] frame, ParsedFrame result, Dictionary<FrameKind, int> counts)
    {
        result.Clear();

        parser.Parse(frame, result);

        FrameInvariants.Check(frame, result);
        counts[result.Kind] = counts.GetValueOrDefault(result.Kind) + 1;
    }
}
