namespace Trading.MarketData.Live.Scaling;

/// <summary>The outcome of one successful heartbeat of a <see cref="SymbolLeaseCoordinator"/>.</summary>
/// <param name="Members">The live instances, this one included, by name.</param>
/// <param name="Wanted">The symbols the rendezvous split gives this instance.</param>
/// <param name="Held">The symbols whose leases this instance now holds: the ones it may stream.</param>
/// <param name="Joined">Instances live now that were not at the previous beat.</param>
/// <param name="Left">Instances live at the previous beat that stopped or whose heartbeat expired.</param>
/// <param name="Reason">Why the held symbols are what they are, for the log.</param>
public sealed record LeaseBeat(
    IReadOnlyList<string> Members,
    IReadOnlySet<string> Wanted,
    IReadOnlySet<string> Held,
    IReadOnlyList<string> Joined,
    IReadOnlyList<string> Left,
    string Reason);
