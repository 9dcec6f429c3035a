using Trading.MarketData.Exchange.Rest;

namespace Trading.MarketData.Tests.Exchange.Rest;

public sealed class RequestPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void First_request_does_not_wait()
    {
        var pacer = new RequestPacer(TimeSpan.FromSeconds(1), new ManualTimeProvider(Start));

        var wait = pacer.WaitAsync(CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Second_request_waits_until_the_spacing_has_passed()
    {
        var time = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.FromSeconds(1), time);
        await pacer.WaitAsync(CancellationToken.None);

        var wait = pacer.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        var completedEarly = wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(completedEarly);
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Request_after_a_quiet_spell_does_not_wait()
    {
        var time = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.FromSeconds(1), time);
        await pacer.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));

        var wait = pacer.WaitAsync(CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Concurrent_requests_take_successive_slots()
    {
        var time = new ManualTimeProvider(Start);
        var pacer = new RequestPacer(TimeSpan.FromMilliseconds(100), time);

        var first = pacer.WaitAsync(CancellationToken.None);
        var second = pacer.WaitAsync(CancellationToken.None);
        var third = pacer.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(100));
        var secondAt100 = second.IsCompleted;
        var thirdAt100 = third.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(secondAt100);
        Assert.False(thirdAt100);
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancelling_a_waiting_request_ends_the_wait()
    {
        var pacer = new RequestPacer(TimeSpan.FromSeconds(1), new ManualTimeProvider(Start));
        await pacer.WaitAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var wait = pacer.WaitAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void Negative_spacing_is_refused()
    {
        var create = () => new RequestPacer(TimeSpan.FromMilliseconds(-1), TimeProvider.System);

        Assert.Throws<ArgumentOutOfRangeException>(create);
    }
}
