namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// Drives one instance's <see cref="SymbolLeaseCoordinator"/> and its <see cref="HeldSymbolsFeed"/>: a beat every
/// heartbeat, the feed restarted whenever the streamable symbols change, and leases given up released only after the feed
/// stopped streaming them. The loop never waits on the database: a renewal that hangs runs on while the loop stops the
/// feed at the fence deadline, so an instance cut off from the database stops streaming before its leases can expire.
/// </summary>
public sealed class SymbolLeaseLoop(
    SymbolLeaseCoordinator coordinator,
    HeldSymbolsFeed feed,
    TimeSpan heartbeatInterval,
    TimeSpan leaseTimeout,
    ScalingMetrics metrics,
    TimeProvider timeProvider,
    ILogger logger)
{
    private Task<LeaseBeat?>? _pending;
    private DateTimeOffset? _abandonPendingAt;
    private bool _pendingIsBeat;
    private CancellationTokenSource? _pendingTimeout;
    private CancellationTokenSource? _pendingCancel;
    private bool _releaseOwed;

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then stops the feed and leaves; rethrows a feed failure.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            try
            {
                await feed.StopAsync();
            }
            finally
            {
                await FinishPendingAsync();
                await LeaveAsync();
            }
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var nextBeatAt = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var beat = _pending is { IsCompleted: true } ? await ObservePendingAsync(stoppingToken) : null;
            AbandonOverdueBeat();
            await ApplyAsync(beat, stoppingToken);

            // One database call at a time: a release racing a beat could delete a lease the beat has just renewed.
            // A beat abandoned above can still land later, but too late to reopen the fence (see AbandonOverdueBeat).
            var now = timeProvider.GetUtcNow();
            if (_pending is null && _releaseOwed)
            {
                _releaseOwed = false;
                var streaming = feed.Symbols;
                StartPending(isBeat: false, async token =>
                {
                    await coordinator.ReleaseAllExceptAsync(streaming, token);
                    return null;
                }, stoppingToken);
            }
            else if (_pending is null && now >= nextBeatAt)
            {
                nextBeatAt = now + heartbeatInterval;
                StartPending(isBeat: true, async token => await coordinator.BeatAsync(token), stoppingToken);
            }

            var wait = _pending is null ? nextBeatAt - now : Timeout.InfiniteTimeSpan;
            if (feed.Symbols.Count > 0 && (wait == Timeout.InfiniteTimeSpan || FenceRemaining(now) < wait))
            {
                wait = FenceRemaining(now);
            }

            if (_abandonPendingAt is { } abandonAt && (wait == Timeout.InfiniteTimeSpan || abandonAt - now < wait))
            {
                wait = abandonAt - now;
            }

            if (wait != Timeout.InfiniteTimeSpan && wait < TimeSpan.Zero)
            {
                wait = TimeSpan.Zero;
            }

            var wakeUps = new List<Task> { Task.Delay(wait, timeProvider, stoppingToken) };
            if (!feed.Running.IsCompleted)
            {
                wakeUps.Add(feed.Running);
            }

            if (_pending is not null)
            {
                wakeUps.Add(_pending);
            }

            await Task.WhenAny(wakeUps);
            if (feed.Running.IsFaulted)
            {
                await feed.Running;
            }
        }
    }

    private void StartPending(bool isBeat, Func<CancellationToken, Task<LeaseBeat?>> work, CancellationToken stoppingToken)
    {
        // A renewal answered after the fence closed would be of no use. The fence does not wait for the cancellation,
        // which a database that does not answer may take long to honour.
        _pendingTimeout = new CancellationTokenSource(leaseTimeout - heartbeatInterval, timeProvider);
        _pendingCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _pendingTimeout.Token);
        _pendingIsBeat = isBeat;
        _abandonPendingAt = isBeat ? timeProvider.GetUtcNow() + leaseTimeout - heartbeatInterval : null;
        _pending = work(_pendingCancel.Token);
    }

    /// <summary>
    /// Stops waiting for a beat the database has not answered by the time its own fence would close, so that a beat
    /// hanging on a dead connection does not keep the instance from renewing once the database answers again. Releases
    /// are never abandoned: one landing late could delete a lease a later beat renewed.
    /// </summary>
    private void AbandonOverdueBeat()
    {
        if (_pending is not { IsCompleted: false } pending || _abandonPendingAt is not { } abandonAt || timeProvider.GetUtcNow() < abandonAt)
        {
            return;
        }

        // Its fence deadline has passed, so even if it succeeds later it cannot make the coordinator stream anything.
        _ = pending.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        Log.LeaseRenewalAbandoned(logger, coordinator.InstanceId, leaseTimeout - heartbeatInterval);
        _pending = null;
        _abandonPendingAt = null;
        _pendingCancel = null;
        _pendingTimeout = null;
    }

    private async Task<LeaseBeat?> ObservePendingAsync(CancellationToken stoppingToken)
    {
        var pending = _pending!;
        var isBeat = _pendingIsBeat;
        ClearPending();
        try
        {
            return await pending;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            if (isBeat)
            {
                Log.LeaseRenewalFailed(logger, ex, coordinator.InstanceId, coordinator.FenceDeadline);
            }
            else
            {
                Log.LeaseReleaseFailed(logger, ex, coordinator.InstanceId);
            }

            return null;
        }
    }

    private void ClearPending()
    {
        _pending = null;
        _abandonPendingAt = null;
        _pendingCancel?.Dispose();
        _pendingCancel = null;
        _pendingTimeout?.Dispose();
        _pendingTimeout = null;
    }

    private async Task ApplyAsync(LeaseBeat? beat, CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        var held = coordinator.Streamable(now);
        var streaming = feed.Symbols;
        if (held.SetEquals(streaming))
        {
            return;
        }

        var added = held.Except(streaming).Order(StringComparer.Ordinal).ToList();
        var removed = streaming.Except(held).Order(StringComparer.Ordinal).ToList();
        var fenced = FenceRemaining(now) == TimeSpan.Zero;
        var reason = fenced ? coordinator.FencedReason() : beat?.Reason ?? "lease renewed";
        Log.HeldSymbolsChanged(logger, coordinator.InstanceId, Join(held.Order(StringComparer.Ordinal)), Join(added), Join(removed), reason);
        added.ForEach(symbol => metrics.Changed(symbol, ScalingMetrics.Acquired));
        removed.ForEach(symbol => metrics.Changed(symbol, fenced ? ScalingMetrics.Fenced : ScalingMetrics.Released));

        // The feed of the symbols given up has stopped once this returns; only then may another instance take them.
        await feed.SwitchToAsync(held, stoppingToken);
        metrics.Holding(held.Count);
        _releaseOwed |= removed.Count > 0;
    }

    private async Task FinishPendingAsync()
    {
        if (_pending is not { } pending)
        {
            return;
        }

        try
        {
            // Leaving while a beat still runs could let the beat renew a lease after the leave deleted it.
            await pending.WaitAsync(heartbeatInterval, timeProvider);
        }
        catch (Exception)
        {
            // Its failure, or its cancellation by the stop, changes nothing now: the instance is leaving.
        }
        finally
        {
            ClearPending();
        }
    }

    private async Task LeaveAsync()
    {
        // The stopping token is already cancelled here; the host's shutdown timeout bounds this short call.
        using var timeout = new CancellationTokenSource(heartbeatInterval, timeProvider);
        try
        {
            await coordinator.LeaveAsync(timeout.Token);
            metrics.Holding(0);
        }
        catch (Exception ex)
        {
            Log.LeaseReleaseFailed(logger, ex, coordinator.InstanceId);
        }
    }

    private TimeSpan FenceRemaining(DateTimeOffset now) =>
        coordinator.FenceDeadline is { } deadline && deadline > now ? deadline - now : TimeSpan.Zero;

    private static string Join(IEnumerable<string> symbols) => string.Join(", ", symbols);
}
