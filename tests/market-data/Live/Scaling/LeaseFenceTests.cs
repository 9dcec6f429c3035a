using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Tests.Live.Scaling;

public sealed class LeaseFenceTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(15);

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 11, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly LeaseFence _fence = new(LeaseTimeout, Heartbeat);

    [Fact]
    public void Holds_nothing_before_the_first_renewal()
    {
        var holds = _fence.Holds(_clock.GetUtcNow());

        Assert.False(holds);
        Assert.Null(_fence.Deadline);
        Assert.Equal(TimeSpan.Zero, _fence.Remaining(_clock.GetUtcNow()));
    }

    [Fact]
    public void Closes_one_heartbeat_before_the_leases_can_expire()
    {
        var sentAt = _clock.GetUtcNow();
        _fence.Renewed(sentAt);

        _clock.Advance(LeaseTimeout - Heartbeat - TimeSpan.FromMilliseconds(1));
        var justBefore = _fence.Holds(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var atDeadline = _fence.Holds(_clock.GetUtcNow());

        Assert.True(justBefore);
        Assert.False(atDeadline);
        Assert.Equal(sentAt + LeaseTimeout - Heartbeat, _fence.Deadline);
    }

    [Fact]
    public void Each_renewal_moves_the_deadline_from_when_it_was_sent()
    {
        _fence.Renewed(_clock.GetUtcNow());
        _clock.Advance(Heartbeat);
        var secondSentAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(3));

        _fence.Renewed(secondSentAt);

        Assert.Equal(secondSentAt + LeaseTimeout - Heartbeat, _fence.Deadline);
        Assert.Equal(LeaseTimeout - Heartbeat - TimeSpan.FromSeconds(3), _fence.Remaining(_clock.GetUtcNow()));
    }

    [Fact]
    public void A_late_answer_to_an_older_renewal_never_moves_the_deadline_back()
    {
        var olderSentAt = _clock.GetUtcNow();
        _clock.Advance(Heartbeat);
        var newerSentAt = _clock.GetUtcNow();
        _fence.Renewed(newerSentAt);

        _fence.Renewed(olderSentAt);

        Assert.Equal(newerSentAt + LeaseTimeout - Heartbeat, _fence.Deadline);
    }

    [Fact]
    public void Failed_renewals_let_the_fence_close_before_a_lease_renewed_by_the_database_expires()
    {
        var sentAt = _clock.GetUtcNow();
        _fence.Renewed(sentAt);

        // The database's now() is never earlier than the moment the request was sent.
        var databaseExpiry = sentAt + TimeSpan.FromMilliseconds(40) + LeaseTimeout;
        while (_fence.Holds(_clock.GetUtcNow()))
        {
            _clock.Advance(Heartbeat);
        }

        Assert.True(_clock.GetUtcNow() < databaseExpiry);
        Assert.True(databaseExpiry - _fence.Deadline!.Value >= Heartbeat);
    }

    [Fact]
    public void Reset_forgets_the_renewal()
    {
        _fence.Renewed(_clock.GetUtcNow());

        _fence.Reset();

        Assert.False(_fence.Holds(_clock.GetUtcNow()));
        Assert.Null(_fence.LastRenewalSentAt);
    }
}
