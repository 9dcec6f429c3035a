namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// One instance's part in splitting the symbols: each <see cref="BeatAsync"/> renews its membership, computes its share
/// by <see cref="RendezvousAssignment"/> over the live members, and takes or renews the leases of that share. The
/// instance streams exactly <see cref="Streamable"/>, which empties when the <see cref="LeaseFence"/> closes.
/// <see cref="Streamable"/> and <see cref="FenceDeadline"/> may be read while a beat runs, and a beat abandoned because the
/// database did not answer may still finish while a later one runs: only the latest beat's outcome is kept.
/// </summary>
public sealed class SymbolLeaseCoordinator(
    ISymbolLeaseStore store,
    string instanceId,
    IReadOnlyList<string> symbols,
    TimeSpan heartbeatInterval,
    TimeSpan leaseTimeout,
    TimeProvider timeProvider)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly LeaseFence _fence = new(leaseTimeout, heartbeatInterval);
    private IReadOnlySet<string> _held = None;
    private IReadOnlyList<string>? _members;
    private long _beatsStarted;
    private long _appliedBeat;

    public string InstanceId => instanceId;

    /// <summary>When this instance must have stopped streaming unless a renewal succeeds first; null before the first renewal and after leaving.</summary>
    public DateTimeOffset? FenceDeadline
    {
        get
        {
            lock (_gate)
            {
                return _fence.Deadline;
            }
        }
    }

    /// <summary>Renews membership and leases; throws when the database cannot be reached (the fence then runs down).</summary>
    public async Task<LeaseBeat> BeatAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _beatsStarted);
        var sentAt = timeProvider.GetUtcNow();
        var members = await store.HeartbeatAsync(instanceId, leaseTimeout, cancellationToken);
        var wanted = RendezvousAssignment.SymbolsOf(instanceId, symbols, members.Append(instanceId));
        var held = await store.AcquireAsync(instanceId, wanted, leaseTimeout, cancellationToken);

        // Held symbols and fence change together: a reader must never see a renewed fence over symbols no longer held.
        lock (_gate)
        {
            if (number <= _appliedBeat)
            {
                // An abandoned beat answering after a later one, or after the instance left: its view is out of date.
                return new LeaseBeat(members, wanted, held, [], [], "superseded by a later beat");
            }

            _appliedBeat = number;
            var previous = _members;
            var joined = previous is null ? [] : members.Except(previous, StringComparer.Ordinal).ToList();
            var left = previous is null ? [] : previous.Except(members, StringComparer.Ordinal).ToList();
            var reopened = _fence.Deadline is { } deadline && deadline <= timeProvider.GetUtcNow();
            var reason = Describe(previous is null, members, joined, left, reopened, held.Except(_held).Any());
            _members = members;
            _held = held;
            _fence.Renewed(sentAt);
            return new LeaseBeat(members, wanted, held, joined, left, reason);
        }
    }

    /// <summary>What this instance may stream at <paramref name="now"/>: its held symbols while the fence holds, else none.</summary>
    public IReadOnlySet<string> Streamable(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _fence.Holds(now) ? _held : None;
        }
    }

    /// <summary>Why <see cref="Streamable"/> emptied, for the log.</summary>
    public string FencedReason()
    {
        lock (_gate)
        {
            return $"no lease renewal since {_fence.LastRenewalSentAt:O}: stopped streaming {heartbeatInterval.TotalSeconds:0.###} s before the leases can expire";
        }
    }

    /// <summary>Releases every lease except <paramref name="streaming"/>; call only once the feed streams nothing else, and never during a beat.</summary>
    public Task ReleaseAllExceptAsync(IReadOnlySet<string> streaming, CancellationToken cancellationToken) =>
        store.ReleaseAllExceptAsync(instanceId, streaming.ToList(), cancellationToken);

    /// <summary>Deletes the membership and every lease; call only once the feed has stopped, and never during a beat.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _held = None;
            _members = null;
            _fence.Reset();
            _appliedBeat = long.MaxValue;
        }

        await store.LeaveAsync(instanceId, cancellationToken);
    }

    private string Describe(bool first, IReadOnlyList<string> members, List<string> joined, List<string> left, bool reopened, bool gained)
    {
        if (first)
        {
            return $"{instanceId} joined; live instances: {string.Join(", ", members)}";
        }

        var changes = new List<string>();
        if (joined.Count > 0)
        {
            changes.Add($"joined: {string.Join(", ", joined)}");
        }

        if (left.Count > 0)
        {
            changes.Add($"left or expired: {string.Join(", ", left)}");
        }

        if (changes.Count > 0)
        {
            return $"instances {string.Join("; ", changes)}; live instances: {string.Join(", ", members)}";
        }

        if (reopened)
        {
            return $"lease renewal succeeded again after none since {_fence.LastRenewalSentAt:O}";
        }

        return gained ? "leases released or expired by another instance" : "leases lost to another instance";
    }
}
