using System.Globalization;
using System.Runtime.CompilerServices;

namespace Trading.MarketData.Replay;

/// <summary>
/// A replay file as configured: its format, the section that is replayed (from the start point to the end) and how far
/// each loop is shifted. <see cref="InspectAsync"/> reads the whole file once; <see cref="ReadAsync"/> then streams trades.
/// </summary>
public sealed class ReplayFile
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private ReplayFile(string path, ReplayFileFormat format)
    {
        Path = path;
        Format = format;
    }

    public string Path { get; }

    /// <summary>Trades or Candles, never Auto.</summary>
    public ReplayFileFormat Format { get; }

    /// <summary>Physical lines, header included.</summary>
    public int TotalLines { get; private set; }

    /// <summary>The bar length of a candles file; null for a trades file.</summary>
    public TimeSpan? CandleInterval { get; private set; }

    /// <summary>Rows before this time (trade time or bar start) are skipped; null when the replay starts at the first row.</summary>
    public DateTimeOffset? StartFrom { get; private set; }

    /// <summary>The time of the first row replayed, or null when no row yields a trade.</summary>
    public DateTimeOffset? SectionStart { get; private set; }

    /// <summary>The time of the last row replayed, or null when no row yields a trade.</summary>
    public DateTimeOffset? SectionEnd { get; private set; }

    /// <summary>How much later each loop plays than the one before it (see <see cref="LoopShiftFor"/>); zero without a section.</summary>
    public TimeSpan LoopShift { get; private set; }

    /// <summary>
    /// The format of a file from its first line and the configured format. A known header decides, and one that contradicts
    /// the configured format is an error; without a header the number of fields decides. An unknown first line is accepted
    /// only under an explicit format. Returns null with the reason otherwise. An empty file counts as the configured format
    /// (trades under Auto): it simply has nothing to replay.
    /// </summary>
    public static ReplayFileFormat? ResolveFormat(ReplayFileFormat configured, string? firstLine, out string? error)
    {
        error = null;
        if (firstLine is null)
        {
            return configured == ReplayFileFormat.Auto ? ReplayFileFormat.Trades : configured;
        }

        var line = firstLine.Trim();
        var isHeader = line.StartsWith("time", StringComparison.OrdinalIgnoreCase);
        var fields = line.Split(',').Length;
        ReplayFileFormat? found = isHeader
            ? line.Equals(TradeFileReader.Header, StringComparison.OrdinalIgnoreCase) ? ReplayFileFormat.Trades
                : line.Equals(CandleFileReader.Header, StringComparison.OrdinalIgnoreCase) ? ReplayFileFormat.Candles
                : null
            : fields switch
            {
                4 => ReplayFileFormat.Trades,
                6 => ReplayFileFormat.Candles,
                _ => null,
            };

        if (found is null)
        {
            if (configured != ReplayFileFormat.Auto)
            {
                return configured;
            }

            error = isHeader
                ? $"the header '{Cut(line)}' is neither '{TradeFileReader.Header}' nor '{CandleFileReader.Header}'"
                : $"the first line '{Cut(line)}' has {fields} fields, neither a trade (4) nor a candle (6)";
            return null;
        }

        if (configured != ReplayFileFormat.Auto && configured != found)
        {
            error = $"the file holds {found.Value.ToString().ToLowerInvariant()} (first line '{Cut(line)}'), not {configured.ToString().ToLowerInvariant()}";
            return null;
        }

        return found;
    }

    /// <summary>
    /// The shift between loops: the smallest whole number of <paramref name="unit"/>s that puts the loop's first row in a
    /// later <paramref name="unit"/> bucket (UTC-aligned) than the last row of the loop before. Time therefore keeps
    /// increasing, loops never share a bucket, and a trade keeps its position inside its minute (inside its bar for candles),
    /// so the candles built from every loop are those of the first, shifted; consecutive loops leave no empty bucket between
    /// them.
    /// </summary>
    public static TimeSpan LoopShiftFor(DateTimeOffset first, DateTimeOffset last, TimeSpan unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(unit, TimeSpan.Zero);
        return TimeSpan.FromTicks(Floor(last, unit) - Floor(first, unit)) + unit;
    }

    /// <summary>
    /// Reads the file once: format, line count, candle interval, the start point and the replayed section. Throws
    /// <see cref="InvalidOperationException"/> naming the configuration key when the settings do not fit the file.
    /// </summary>
    public static async Task<ReplayFile> InspectAsync(ReplayOptions options, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(options.File);
        var firstLine = await reader.ReadLineAsync(cancellationToken);
        var format = ResolveFormat(options.Format, firstLine, out var error)
            ?? throw new InvalidOperationException($"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.Format)}': {error} in '{options.File}'.");
        var file = new ReplayFile(options.File, format);

        reader.BaseStream.Position = 0;
        reader.DiscardBufferedData();
        DateTimeOffset? firstRow = null;
        DateTimeOffset? previous = null;
        TimeSpan? shortestStep = null;
        var sectionRows = 0;
        await foreach (var row in file.ReadRowsAsync(reader, 1, cancellationToken))
        {
            if (row.Time is not { } time)
            {
                continue;
            }

            if (firstRow is null)
            {
                firstRow = time;
                file.StartFrom = options.StartAt ?? (options.StartOffset > TimeSpan.Zero ? time + options.StartOffset : null);
            }

            if (time - previous is { } step && step > TimeSpan.Zero && (shortestStep is null || step < shortestStep))
            {
                shortestStep = step;
            }

            previous = time;
            if (row.YieldsTrades && !(time < file.StartFrom))
            {
                file.SectionStart ??= time;
                file.SectionEnd = time;
                sectionRows++;
            }
        }

        reader.BaseStream.Position = 0;
        reader.DiscardBufferedData();
        while (await reader.ReadLineAsync(cancellationToken) is not null)
        {
            file.TotalLines++;
        }

        if (format == ReplayFileFormat.Candles)
        {
            file.CandleInterval = options.CandleInterval ?? shortestStep ?? (sectionRows == 0 ? Minute : throw new InvalidOperationException(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.CandleInterval)}' is needed: the bar length of '{options.File}' cannot be detected from a single bar."));
        }

        if (sectionRows == 0 && file.StartFrom is { } startFrom && firstRow is not null)
        {
            var key = options.StartAt is null ? nameof(ReplayOptions.StartOffset) : nameof(ReplayOptions.StartAt);
            throw new InvalidOperationException(
                $"Configuration key '{ReplayOptions.Section}:{key}': the replay would start at {startFrom:O}, but no row of '{options.File}' at or after it yields a trade (the last row is at {previous:O}).");
        }

        if (sectionRows == 0 && options.Loop)
        {
            throw new InvalidOperationException(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.Loop)}': '{options.File}' has no row that yields a trade, so there is nothing to loop.");
        }

        if (file.SectionStart is { } start && file.SectionEnd is { } end)
        {
            var unit = file.CandleInterval is { } interval && interval > Minute ? interval : Minute;
            file.LoopShift = LoopShiftFor(start, end, unit);
        }

        return file;
    }

    /// <summary>
    /// The trades from line <paramref name="firstLine"/>, point <paramref name="firstPoint"/> on, line by line; rows before
    /// <see cref="StartFrom"/> yield no trade. Times are as recorded (loops are shifted by the caller).
    /// </summary>
    public async IAsyncEnumerable<ReplayLine> ReadAsync(int firstLine, int firstPoint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        using var reader = new StreamReader(stream);
        await foreach (var row in ReadRowsAsync(reader, firstLine, cancellationToken))
        {
            if (row.Error is not null)
            {
                yield return new ReplayLine(row.LineNumber, [], row.Error, row.Sample);
            }
            else if (row.Time < StartFrom)
            {
                yield return new ReplayLine(row.LineNumber, []);
            }
            else
            {
                var trades = Format == ReplayFileFormat.Candles
                    ? CandleTradeSynthesizer.ToTrades(row.Candle!, CandleInterval!.Value)
                    : [row.Trade!];
                if (row.LineNumber == firstLine && firstPoint > 0)
                {
                    trades = trades.Where(t => t.Point >= firstPoint).ToList();
                }

                yield return new ReplayLine(row.LineNumber, trades);
            }
        }
    }

    /// <summary>
    /// The venue trade id of a replayed trade: the line number for a trades file, line.point for a candles file, prefixed
    /// with the loop number from the second loop on. Stable across restarts, unique within the file and loop.
    /// </summary>
    public string TradeId(RecordedTrade trade, int loop)
    {
        var line = trade.LineNumber.ToString(CultureInfo.InvariantCulture);
        var id = Format == ReplayFileFormat.Candles ? $"{line}.{trade.Point.ToString(CultureInfo.InvariantCulture)}" : line;
        return loop == 0 ? id : $"{loop.ToString(CultureInfo.InvariantCulture)}/{id}";
    }

    private async IAsyncEnumerable<Row> ReadRowsAsync(TextReader reader, int firstLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Format == ReplayFileFormat.Candles)
        {
            await foreach (var line in new CandleFileReader(reader).ReadAsync(firstLine, cancellationToken))
            {
                yield return new Row(line.LineNumber, line.Candle?.OpenedAt, null, line.Candle, line.Error, line.Sample);
            }
        }
        else
        {
            await foreach (var line in new TradeFileReader(reader).ReadAsync(firstLine, cancellationToken))
            {
                yield return new Row(line.LineNumber, line.Trade?.Time, line.Trade, null, line.Error, line.Sample);
            }
        }
    }

    private static long Floor(DateTimeOffset time, TimeSpan unit) => time.UtcTicks - (time.UtcTicks % unit.Ticks);

    private static string Cut(string line) => line.Length <= TradeFileLine.SampleLength ? line : line[..TradeFileLine.SampleLength] + "…";

    private sealed record Row(int LineNumber, DateTimeOffset? Time, RecordedTrade? Trade, RecordedCandle? Candle, string? Error, string? Sample)
    {
        public bool YieldsTrades => Trade is not null || Candle is { Volume: > 0m };
    }
}
