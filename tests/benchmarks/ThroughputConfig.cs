using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Trading.Benchmarks;

/// <summary>
/// Adds BenchmarkDotNet's Op/s column to a benchmark whose operation is one trade or one candle (OperationsPerInvoke), so the
/// table shows trades/s or candles/s per core directly.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
}
