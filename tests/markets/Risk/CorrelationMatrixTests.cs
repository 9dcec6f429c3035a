using Trading.Markets.Risk;

namespace Trading.Markets.Tests.Risk;

public sealed class CorrelationMatrixTests
{
    [Fact]
    public void Reads_a_pair_in_either_order_a_symbol_with_itself_as_one_and_an_unknown_pair_as_zero()
    {
        var matrix = CorrelationMatrix.Empty.With("ETH/USD", "BTC/USD", 0.84);

        Assert.Equal(
            (0.84, 0.84, 1.0, 0.0, 1),
            (matrix.Of("BTC/USD", "ETH/USD"), matrix.Of("ETH/USD", "BTC/USD"), matrix.Of("SOL/USD", "SOL/USD"),
             matrix.Of("BTC/USD", "SOL/USD"), matrix.Count));
    }

    [Fact]
    public void With_returns_a_copy_and_replaces_a_pair()
    {
        var first = CorrelationMatrix.Empty.With("BTC/USD", "ETH/USD", 0.5);

        var second = first.With("ETH/USD", "BTC/USD", 0.9);

        Assert.Equal((0.5, 0.9, 1, 0), (first.Of("BTC/USD", "ETH/USD"), second.Of("BTC/USD", "ETH/USD"), second.Count, CorrelationMatrix.Empty.Count));
    }

    [Theory]
    [InlineData("BTC/USD", "BTC/USD", 0.5)]
    [InlineData("", "BTC/USD", 0.5)]
    [InlineData("BTC/USD", "ETH/USD", 1.01)]
    [InlineData("BTC/USD", "ETH/USD", -1.01)]
    [InlineData("BTC/USD", "ETH/USD", double.NaN)]
    public void Refuses_a_pair_it_cannot_hold(string a, string b, double correlation)
    {
        Assert.ThrowsAny<ArgumentException>(() => CorrelationMatrix.Empty.With(a, b, correlation));
    }

    [Fact]
    public void From_returns_holds_every_pair_once()
    {
        var returns = new Dictionary<string, IReadOnlyList<double>>
        {
            ["C"] = [0.01, 0.02, -0.01, 0.0],
            ["A"] = [0.02, 0.04, -0.02, 0.0],
            ["B"] = [-0.01, -0.02, 0.01, 0.0],
        };

        var matrix = CorrelationMatrix.FromReturns(returns);

        Assert.Equal(3, matrix.Count);
        Assert.Equal((1, -1, -1), (Math.Round(matrix.Of("A", "C"), 12), Math.Round(matrix.Of("B", "A"), 12), Math.Round(matrix.Of("C", "B"), 12)));
    }
}
