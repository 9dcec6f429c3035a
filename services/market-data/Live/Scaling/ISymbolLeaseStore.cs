namespace Trading.MarketData.Live.Scaling;

/// <summary>Where instances record that they are alive and which symbols they hold (<see cref="SymbolLeaseStore"/> in Postgres).</summary>
public interface ISymbolLeaseStore
{
    /// <summary>Records that <paramref name="instanceId"/> is alive and returns the live members, itself included, by name.</summary>
    Task<IReadOnlyList<string>> HeartbeatAsync(string instanceId, TimeSpan leaseTimeout, CancellationToken cancellationToken);

    /// <summary>Takes or renews the leases of <paramref name="symbols"/> that are free, expired or already this instance's; returns those now held.</summary>
    Task<IReadOnlySet<string>> AcquireAsync(string instanceId, IReadOnlyCollection<string> symbols, TimeSpan leaseTimeout, CancellationToken cancellationToken);

    /// <summary>Gives up every lease of <paramref name="instanceId"/> except <paramref name="keep"/>.</summary>
    Task ReleaseAllExceptAsync(string instanceId, IReadOnlyCollection<string> keep, CancellationToken cancellationToken);

    /// <summary>Removes the instance and all its leases.</summary>
    Task LeaveAsync(string instanceId, CancellationToken cancellationToken);
}
