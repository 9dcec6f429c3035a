namespace Trading.Cli.Record;

/// <summary>
/// A CSV file per UTC day, for example <c>btcusd-kraken-trades-20251110.csv</c>: each row goes to the file of its own day,
/// so a recording over midnight continues in the next day's file. Keeps the file of the latest day open; not thread-safe.
/// </summary>
public sealed class DailyCsvFile(Func<DateOnly, string> pathOf, string header) : IDisposable
{
    private CsvAppendFile? _current;
    private DateOnly _day;

    /// <summary>The file of <paramref name="day"/>, opened for appending (see <see cref="CsvAppendFile.Open"/>).</summary>
    public CsvAppendFile For(DateOnly day)
    {
        if (_current is null || _day != day)
        {
            _current?.Dispose();
            _current = null;
            var file = new CsvAppendFile(pathOf(day), header);
            file.Open();
            (_current, _day) = (file, day);
        }

        return _current;
    }

    public void Flush() => _current?.Flush();

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }
}
