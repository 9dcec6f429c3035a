using System.Globalization;
using System.Text.Json;

namespace Trading.FakeVenues;

/// <summary>
/// One-minute candle tapes for <see cref="FakeOhlcServer"/>, built from the real Kraken OHLC rows of
/// <c>kraken/spot-rest/public-ohlc.response.json</c>: minute i repeats row i mod 4 of the fixture, its prices moved by a
/// whole number of ticks per cycle so that candles differ, at any start time.
/// </summary>
public static class FakeOhlcTape
{
    private static readonly Lazy<IReadOnlyList<FakeOhlcRow>> FixtureRows = new(ReadFixtureRows);

    /// <summary>The Kraken fixture's own rows, at their own times.</summary>
    public static IReadOnlyList<FakeOhlcRow> KrakenFixtureRows => FixtureRows.Value;

    /// <param name="start">The first minute (whole minute).</param>
    /// <param name="minutes">Minutes on the tape.</param>
    /// <param name="quiet">Minutes (by index) without a trade, hence without a row, as on the venues.</param>
    public static IReadOnlyList<FakeOhlcRow> Minutes(DateTimeOffset start, int minutes, Func<int, bool>? quiet = null)
    {
        var rows = FixtureRows.Value;
        var tape = new List<FakeOhlcRow>(minutes);
        for (var i = 0; i < minutes; i++)
        {
            if (quiet?.Invoke(i) == true)
            {
                continue;
            }

            var row = rows[i % rows.Count];
            var shift = (i / rows.Count % 50) * 0.5m;
            tape.Add(row with
            {
                Start = start.AddMinutes(i),
                Open = row.Open + shift,
                High = row.High + shift,
                Low = row.Low + shift,
                Close = row.Close + shift,
                Vwap = row.Vwap + shift,
            });
        }

        return tape;
    }

    private static IReadOnlyList<FakeOhlcRow> ReadFixtureRows()
    {
        using var document = JsonDocument.Parse(KrakenFixtures.ReadBytes("spot-rest/public-ohlc.response.json"));
        var result = document.RootElement.GetProperty("result");
        var rows = result.EnumerateObject().First(p => p.Name != "last").Value;
        return [.. rows.EnumerateArray().Select(row => new FakeOhlcRow(
            DateTimeOffset.FromUnixTimeSeconds(row[0].GetInt64()),
            Number(row[1]),
            Number(row[2]),
            Number(row[3]),
            Number(row[4]),
            Number(row[5]),
            Number(row[6]),
            row[7].GetInt32()))];
    }

    private static decimal Number(JsonElement value) => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
