namespace Trading.Markets.Tests;

public sealed class RollingWindowTests
{
    [Fact]
    public void Index_zero_is_the_newest_item()
    {
        var window = new RollingWindow<int>(3);

        window.Add(1);
        window.Add(2);

        Assert.Equal((2, 1), (window[0], window[1]));
        Assert.Equal([2, 1], window);
    }

    [Fact]
    public void Drops_the_oldest_item_when_full()
    {
        var window = new RollingWindow<int>(3);

        foreach (var item in new[] { 1, 2, 3, 4, 5 })
        {
            window.Add(item);
        }

        Assert.Equal([5, 4, 3], window);
        Assert.Equal((3, 3), (window.Count, window.Size));
    }

    [Fact]
    public void Is_ready_only_once_full()
    {
        var window = new RollingWindow<int>(2);

        window.Add(1);
        var readyAfterOne = window.IsReady;
        window.Add(2);

        Assert.False(readyAfterOne);
        Assert.True(window.IsReady);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Indexer_throws_outside_the_items_held(int index)
    {
        var window = new RollingWindow<int>(3);
        window.Add(1);
        window.Add(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => window[index]);
    }

    [Fact]
    public void Clear_empties_the_window_but_keeps_its_size()
    {
        var window = new RollingWindow<int>(2);
        window.Add(1);
        window.Add(2);

        window.Clear();
        window.Add(7);

        Assert.Equal([7], window);
        Assert.Equal(2, window.Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_size_that_is_not_positive(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindow<int>(size));
    }
}
