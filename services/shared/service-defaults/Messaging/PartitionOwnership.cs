namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// Which market partitions (see <see cref="TradePartitions"/>) an instance of a partitioned service consumes: partition p belongs to
/// instance <c>p mod instances</c>. Ownership follows from configuration alone, so every instance agrees on it without talking to
/// the others, and a standby started with the same <see cref="Instance"/> waits on the same queues (RabbitMQ single active
/// consumer) to take over when the active one dies.
/// </summary>
public sealed record PartitionOwnership
{
    /// <param name="instance">This instance's number, 0 to <paramref name="instances"/> − 1.</param>
    /// <param name="instances">How many instances share the partitions, 1 to <see cref="TradePartitions.Count"/>.</param>
    public PartitionOwnership(int instance, int instances)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(instances, TradePartitions.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(instance);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(instance, instances);
        Instance = instance;
        Instances = instances;
        Partitions = Enumerable.Range(0, TradePartitions.Count).Where(p => p % instances == instance).ToArray();
    }

    public int Instance { get; }

    public int Instances { get; }

    /// <summary>The partitions this instance consumes, ascending.</summary>
    public IReadOnlyList<int> Partitions { get; }

    public bool Owns(int partition) => partition % Instances == Instance;

    public bool Owns(string venue, string symbol) => Owns(TradePartitions.Of(venue, symbol));

    /// <summary>
    /// Why the settings <c>{section}:Instance</c> and <c>{section}:Instances</c> make no ownership, naming the setting at fault
    /// (<c>Instances</c> first, since the range of <c>Instance</c> follows from it); null when they are valid.
    /// </summary>
    public static (string Setting, string Problem)? Check(int instance, int instances, string section) =>
        instances is < 1 or > TradePartitions.Count
            ? ("Instances", $"must be between 1 and {TradePartitions.Count} (the number of partitions); it is {instances}.")
            : instance < 0 || instance >= instances
                ? ("Instance", $"must be between 0 and {instances - 1} ({section}:Instances − 1); it is {instance}.")
                : null;
}
