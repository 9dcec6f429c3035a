namespace Trading.CandleBuilder.WarmUp;

/// <summary>
/// How far the warm-up has got, for the readiness check, and the gate trades and the quiet-market scanner wait at until it has
/// finished (a trade applied before the history is stored would close the gap of a downtime with flat candles). Thread-safe.
/// </summary>
public sealed class CandleWarmUpStatus
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _series = -1;
    private int _done;

    public bool IsFinished => _finished.Task.IsCompleted;

    /// <summary>Series warmed (or given up) so far, and how many there are; -1 until the warm-up has started.</summary>
    public (int Done, int Series) Progress => (Volatile.Read(ref _done), Volatile.Read(ref _series));

    public void Started(int series) => Volatile.Write(ref _series, series);

    public void SeriesDone() => Interlocked.Increment(ref _done);

    public void Finished() => _finished.TrySetResult();

    /// <summary>Completes when the warm-up has finished (at once when it already has).</summary>
    public Task WhenFinished(CancellationToken cancellationToken) => _finished.Task.WaitAsync(cancellationToken);
}
