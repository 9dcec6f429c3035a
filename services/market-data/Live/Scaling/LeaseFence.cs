namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// Decides whether an instance may still stream the symbols of its last lease renewal. A renewal sent at time t makes the
/// database extend the leases to its own now() + lease timeout, which is no earlier than t + lease timeout; the fence
/// closes one heartbeat before that, leaving the instance a heartbeat to stop its feed before any other instance may
/// take a symbol over. So an instance that cannot reach the database stops streaming before its leases expire, and two
/// instances never stream one symbol.
/// </summary>
public sealed class LeaseFence(TimeSpan leaseTimeout, TimeSpan heartbeatInterval)
{
    /// <summary>When the last successful renewal was sent (the local clock, taken before the request).</summary>
    public DateTimeOffset? LastRenewalSentAt { get; private set; }

    /// <summary>The moment streaming must have stopped unless another renewal succeeds; null before the first renewal.</summary>
    public DateTimeOffset? Deadline => LastRenewalSentAt + leaseTimeout - heartbeatInterval;

    /// <param name="sentAt">When the renewing request was sent, read before sending it.</param>
    public void Renewed(DateTimeOffset sentAt)
    {
        if (LastRenewalSentAt is null || sentAt > LastRenewalSentAt)
        {
            LastRenewalSentAt = sentAt;
        }
    }

    public bool Holds(DateTimeOffset now) => Deadline is { } deadline && now < deadline;

    /// <summary>Time left until <see cref="Deadline"/>; zero when the fence does not hold.</summary>
    public TimeSpan Remaining(DateTimeOffset now) =>
        Deadline is { } deadline && deadline > now ? deadline - now : TimeSpan.Zero;

    /// <summary>Forgets the renewal, after the instance gave its leases up.</summary>
    public void Reset() => LastRenewalSentAt = null;
}
