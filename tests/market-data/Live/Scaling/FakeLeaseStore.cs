using System.Collections.Concurrent;
using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Tests.Live.Scaling;

/// <summary>
/// A lease store in memory that writes every call into a shared event log, notes each call made while others were still
/// running (as "call while others"), and can stop answering (<see cref="StopAnswering"/>) the way a partitioned database does: it ignores
/// cancellation until the test lets it fail.
/// </summary>
internal sealed class FakeLeaseStore(ConcurrentQueue<string> events) : ISymbolLeaseStore
{
    private readonly Lock _gate = new();
    private readonly List<string> _overlapping = [];
    private readonly List<string> _running = [];
    private TaskCompletionSource? _silence;

    /// <summary>The live members the next heartbeat reports, besides the caller.</summary>
    public IReadOnlyList<string> Others { get; set; } = [];

    public IReadOnlyList<string> Overlapping
    {
        get
        {
            lock (_gate)
            {
                return [.. _overlapping];
            }
        }
    }

    public void StopAnswering()
    {
        lock (_gate)
        {
            _silence = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Fails the calls left hanging and answers again.</summary>
    public void AnswerAgain()
    {
        TaskCompletionSource? silence;
        lock (_gate)
        {
            silence = _silence;
            _silence = null;
        }

        silence?.SetException(new TimeoutException("the database did not answer"));
    }

    public Task<IReadOnlyList<string>> HeartbeatAsync(string instanceId, TimeSpan leaseTimeout, CancellationToken cancellationToken) =>
        CallAsync("heartbeat", () => (IReadOnlyList<string>)[instanceId, .. Others]);

    public Task<IReadOnlySet<string>> AcquireAsync(
        string instanceId, IReadOnlyCollection<string> symbols, TimeSpan leaseTimeout, CancellationToken cancellationToken) =>
        CallAsync("acquire " + Join(symbols), () => (IReadOnlySet<string>)symbols.ToHashSet(StringComparer.Ordinal));

    public Task ReleaseAllExceptAsync(string instanceId, IReadOnlyCollection<string> keep, CancellationToken cancellationToken) =>
        CallAsync("release all but " + Join(keep), () => true);

    public Task LeaveAsync(string instanceId, CancellationToken cancellationToken) => CallAsync("leave", () => true);

    private static string Join(IEnumerable<string> symbols) => string.Join(",", symbols.Order(StringComparer.Ordinal));

    private async Task<T> CallAsync<T>(string call, Func<T> answer)
    {
        Task? silence;
        lock (_gate)
        {
            if (_running.Count > 0)
            {
                _overlapping.Add($"{call} while {string.Join(" and ", _running)}");
            }

            _running.Add(call);
            silence = _silence?.Task;
        }

        events.Enqueue(call);
        try
        {
            if (silence is not null)
            {
                await silence;
            }

            return answer();
        }
        finally
        {
            lock (_gate)
            {
                _running.Remove(call);
            }
        }
    }
}
