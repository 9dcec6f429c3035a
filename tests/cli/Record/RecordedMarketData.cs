using System.Globalization;
using System.Text.Json.Nodes;
using Trading.FakeVenues;

namespace Trading.Cli.Tests.Record;

/// <summary>Real trades from <c>shared/data/market</c>, to be sent by the fake Kraken server as if live.</summary>
internal static class RecordedMarketData
{
    /// <summary>The taker side the fake Kraken server puts on every trade it sends (the fixture's).</summary>
    public static string FakeServerSide { get; } =
        (string)JsonNode.Parse(KrakenFixtures.ReadBytes("spot-ws-v2/trade.update.json"))!["data"]![0]!["side"]!;

    /// <summary>The first <paramref name="count"/> rows of a shared trades file, as trades of <paramref name="symbol"/>, moved by <paramref name="shift"/>.</summary>
    public static IReadOnlyList<SentTrade> Trades(string file, string symbol, int count, TimeSpan shift = default) =>
        [.. File.ReadLines(SharedFixtures.PathOf(Path.Combine("..", "data", "market", file)))
            .Skip(1)
            .Take(count)
            .Select((line, index) =>
            {
                var fields = line.Split(',');
                var time = DateTimeOffset.Parse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                return new SentTrade(symbol, index + 1, time + shift, fields[1], fields[2]);
            })];

    public static DateTimeOffset MinuteOf(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
