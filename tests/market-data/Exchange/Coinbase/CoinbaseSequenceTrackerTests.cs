using Trading.MarketData.Exchange.Coinbase;

namespace Trading.MarketData.Tests.Exchange.Coinbase;

public sealed class CoinbaseSequenceTrackerTests
{
    [Fact]
    public void First_frame_starts_the_sequence_at_zero()
    {
        var tracker = new CoinbaseSequenceTracker();

        var check = tracker.Observe(0);

        Assert.Equal(new CoinbaseSequenceCheck(CoinbaseSequenceStatus.InOrder, 0), check);
        Assert.Equal(0, tracker.Last);
    }

    [Fact]
    public void First_frame_starts_the_sequence_at_any_number()
    {
        var tracker = new CoinbaseSequenceTracker();

        var check = tracker.Observe(41);

        Assert.Equal(CoinbaseSequenceStatus.InOrder, check.Status);
        Assert.Equal(41, tracker.Last);
    }

    [Fact]
    public void Next_number_is_in_order()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(0);
        tracker.Observe(1);

        var check = tracker.Observe(2);

        Assert.Equal(new CoinbaseSequenceCheck(CoinbaseSequenceStatus.InOrder, 0), check);
    }

    [Fact]
    public void Jump_reports_a_gap_with_the_number_of_dropped_messages()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(5);

        var check = tracker.Observe(9);

        Assert.Equal(new CoinbaseSequenceCheck(CoinbaseSequenceStatus.Gap, 3), check);
        Assert.Equal(9, tracker.Last);
    }

    [Fact]
    public void After_a_gap_the_sequence_continues_from_the_new_number()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(5);
        tracker.Observe(9);

        var check = tracker.Observe(10);

        Assert.Equal(CoinbaseSequenceStatus.InOrder, check.Status);
    }

    [Fact]
    public void Repeated_number_is_stale_and_ignored()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(7);

        var check = tracker.Observe(7);

        Assert.Equal(new CoinbaseSequenceCheck(CoinbaseSequenceStatus.Stale, 0), check);
        Assert.Equal(7, tracker.Last);
    }

    [Fact]
    public void Lower_number_is_stale_and_does_not_move_the_sequence_back()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(7);
        tracker.Observe(3);

        var check = tracker.Observe(8);

        Assert.Equal(CoinbaseSequenceStatus.InOrder, check.Status);
    }

    [Fact]
    public void Reset_lets_a_new_connection_start_again_from_zero()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(120);
        tracker.Reset();

        var check = tracker.Observe(0);

        Assert.Equal(CoinbaseSequenceStatus.InOrder, check.Status);
        Assert.Equal(0, tracker.Last);
    }

    [Fact]
    public void Reset_forgets_the_last_number()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(3);

        tracker.Reset();

        Assert.Null(tracker.Last);
    }

    [Fact]
    public void Negative_number_is_rejected()
    {
        var tracker = new CoinbaseSequenceTracker();

        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.Observe(-1));
    }

    [Fact]
    public void Largest_number_after_zero_is_a_gap_without_overflow()
    {
        var tracker = new CoinbaseSequenceTracker();
        tracker.Observe(0);

        var check = tracker.Observe(long.MaxValue);

        Assert.Equal(new CoinbaseSequenceCheck(CoinbaseSequenceStatus.Gap, long.MaxValue - 1), check);
    }
}
