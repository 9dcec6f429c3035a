namespace Trading.Cli.Record;

/// <summary>Where <c>trading record</c> shows its progress and its events: a live table, plain lines, or a test.</summary>
public interface IRecordReporter
{
    /// <summary>A status change, gap or warning: one line, never dropped. Called from any thread.</summary>
    void Event(string message);

    /// <summary>Shows <paramref name="progress"/> until <paramref name="stop"/> is cancelled, then once more, and returns.</summary>
    Task ShowProgressAsync(Func<IReadOnlyList<SymbolProgress>> progress, CancellationToken stop);
}
