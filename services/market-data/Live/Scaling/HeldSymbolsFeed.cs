namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// Runs one feed of exactly the symbols an instance holds, and restarts it when that set changes. The old feed has
/// stopped (its connections closed) before <see cref="SwitchToAsync"/> returns or starts the new one, so a symbol given
/// up can be released to another instance right after.
/// </summary>
/// <param name="run">Streams the given symbols until the token is cancelled (<see cref="LiveFeed.RunAsync"/>).</param>
public sealed class HeldSymbolsFeed(Func<IReadOnlyList<string>, CancellationToken, Task> run) : IAsyncDisposable
{
    private CancellationTokenSource? _stop;

    /// <summary>The symbols being streamed; empty when no feed runs.</summary>
    public IReadOnlySet<string> Symbols { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The running feed; it completes only when stopped, or faults when the feed fails.</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>Stops the running feed and starts one for <paramref name="symbols"/>, unless it already streams exactly them.</summary>
    public async Task SwitchToAsync(IReadOnlySet<string> symbols, CancellationToken cancellationToken)
    {
        if (symbols.SetEquals(Symbols) && (symbols.Count == 0 || !Running.IsCompleted))
        {
            return;
        }

        await StopAsync();
        if (symbols.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();

        _stop = new CancellationTokenSource();
        Symbols = symbols.ToHashSet(StringComparer.Ordinal);
        Running = run([.. symbols.Order(StringComparer.Ordinal)], _stop.Token);
    }

    /// <summary>Stops the feed and waits until it has; rethrows the feed's failure, if it failed.</summary>
    public async Task StopAsync()
    {
        if (_stop is not { } stop)
        {
            return;
        }

        _stop = null;
        Symbols = new HashSet<string>(StringComparer.Ordinal);
        await stop.CancelAsync();
        try
        {
            await Running;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            Running = Task.CompletedTask;
            stop.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
