using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder.Partitioning;

/// <summary>
/// Which trade partitions this instance consumes: partition p belongs to instance <c>p mod instances</c>. Ownership follows from
/// configuration alone, so every instance agrees on it without talking to the others, and a standby started with the same
/// <see cref="Instance"/> waits on the same queues (RabbitMQ single active consumer) to take over when the active one dies.
/// </summary>
public sealed record PartitionOwnership(int Instance, int Instances)
{
    /// <summary>The partitions this instance consumes, ascending.</summary>
    public IReadOnlyList<int> Partitions { get; } =
        Enumerable.Range(0, TradePartitions.Count).Where(p => p % Instances == Instance).ToArray();

    public bool Owns(int partition) => partition % Instances == Instance;

    public bool Owns(string venue, string symbol) => Owns(TradePartitions.Of(venue, symbol));
}
