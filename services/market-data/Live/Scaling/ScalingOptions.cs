namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// How several live market-data instances split the configured symbols (section <c>Scaling</c>). Every instance of one
/// deployment must use the same symbols and timings; a single instance simply holds every symbol.
/// </summary>
public sealed class ScalingOptions
{
    public const string Section = "Scaling";

    /// <summary>
    /// A readable name for this instance in the logs and in <c>feed_members</c>; the host name by default. Each process
    /// appends a random suffix to it (<c>name-1a2b3c4d</c>), so two processes never share an identity, not even when a
    /// shared configuration gives them the same name.
    /// </summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>How often an instance renews its membership and its symbol leases.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a lease and a membership last without renewal: a dead instance's symbols move to the others after about
    /// this long. Must exceed two heartbeats, so one slow or failed renewal does not move symbols.
    /// </summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
