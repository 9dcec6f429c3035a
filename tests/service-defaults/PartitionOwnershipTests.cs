using Trading.ServiceDefaults.Messaging;

namespace Trading.ServiceDefaults.Tests;

public sealed class PartitionOwnershipTests
{
    [Fact]
    public void A_single_instance_owns_every_partition()
    {
        var ownership = new PartitionOwnership(0, 1);

        Assert.Equal(Enumerable.Range(0, TradePartitions.Count), ownership.Partitions);
        Assert.True(ownership.Owns("KRAKEN", "BTC/USD"));
    }

    [Fact]
    public void Instance_i_of_n_owns_the_partitions_p_with_p_mod_n_equal_to_i()
    {
        var first = new PartitionOwnership(0, 2);
        var second = new PartitionOwnership(1, 2);
        var third = new PartitionOwnership(2, 3);

        Assert.Equal([0, 2, 4, 6, 8, 10, 12, 14], first.Partitions);
        Assert.Equal([1, 3, 5, 7, 9, 11, 13, 15], second.Partitions);
        Assert.Equal([2, 5, 8, 11, 14], third.Partitions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(16)]
    public void Every_partition_has_exactly_one_owner_whatever_the_number_of_instances(int instances)
    {
        var owners = Enumerable.Range(0, instances).Select(i => new PartitionOwnership(i, instances)).ToList();

        Assert.All(Enumerable.Range(0, TradePartitions.Count), p => Assert.Single(owners, o => o.Owns(p)));
        Assert.Equal(TradePartitions.Count, owners.Sum(o => o.Partitions.Count));
    }

    [Fact]
    public void A_market_is_owned_by_the_instance_that_owns_its_partition()
    {
        var partition = TradePartitions.Of("KRAKEN", "BTC/USDT");
        var owner = new PartitionOwnership(partition % 2, 2);
        var other = new PartitionOwnership(1 - (partition % 2), 2);

        Assert.True(owner.Owns("KRAKEN", "BTC/USDT"));
        Assert.False(other.Owns("KRAKEN", "BTC/USDT"));
    }

    [Theory]
    [InlineData(0, 0, "instances")]
    [InlineData(0, 17, "instances")]
    [InlineData(-1, 2, "instance")]
    [InlineData(2, 2, "instance")]
    public void Refuses_an_instance_outside_the_instances_or_more_instances_than_partitions(int instance, int instances, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionOwnership(instance, instances));

        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(0, 0, "Instances", "must be between 1 and 16 (the number of partitions); it is 0.")]
    [InlineData(5, 17, "Instances", "must be between 1 and 16 (the number of partitions); it is 17.")]
    [InlineData(-1, 2, "Instance", "must be between 0 and 1 (Signal:Instances − 1); it is -1.")]
    [InlineData(2, 2, "Instance", "must be between 0 and 1 (Signal:Instances − 1); it is 2.")]
    public void Check_names_the_setting_at_fault_instances_first(int instance, int instances, string setting, string problem)
    {
        Assert.Equal((setting, problem), PartitionOwnership.Check(instance, instances, "Signal"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(15, 16)]
    public void Check_accepts_every_ownership_the_constructor_accepts(int instance, int instances)
    {
        Assert.Null(PartitionOwnership.Check(instance, instances, "Signal"));
        Assert.Equal(instance, new PartitionOwnership(instance, instances).Instance);
    }
}
