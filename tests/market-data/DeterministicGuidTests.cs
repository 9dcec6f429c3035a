namespace Trading.MarketData.Tests;

public sealed class DeterministicGuidTests
{
    [Fact]
    public void Gives_the_same_id_for_the_same_name_and_another_for_another_name()
    {
        var first = DeterministicGuid.Create("KRAKEN|BTC/USD|trades.csv|2");

        Assert.Equal(first, DeterministicGuid.Create("KRAKEN|BTC/USD|trades.csv|2"));
        Assert.NotEqual(first, DeterministicGuid.Create("KRAKEN|BTC/USD|trades.csv|102"));
    }

    [Fact]
    public void Marks_the_id_as_version_5_rfc_variant()
    {
        var id = DeterministicGuid.Create("anything").ToString();

        Assert.Equal('5', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
