using Trading.MarketData.Live.Scaling;

namespace Trading.Integration.Tests.MarketData;

/// <summary>
/// A market-data instance reduced to its lease loop, in the order the service keeps: beat, stream exactly what the
/// coordinator allows (stopping what it gave up), and only then release the leases given up.
/// </summary>
public sealed class SimulatedInstance(SymbolLeaseCoordinator coordinator, StreamingLedger ledger)
{
    public SymbolLeaseCoordinator Coordinator { get; } = coordinator;

    public string Name => Coordinator.InstanceId;

    public int Beats { get; private set; }

    public IReadOnlySet<string> Streaming => ledger.StreamedBy(Name);

    public async Task StepAsync()
    {
        await Coordinator.BeatAsync(CancellationToken.None);
        Beats++;
        var streaming = Coordinator.Streamable(TimeProvider.System.GetUtcNow());
        if (ledger.Stream(Name, streaming))
        {
            await Coordinator.ReleaseAllExceptAsync(streaming, CancellationToken.None);
        }
    }

    /// <summary>Steps every <paramref name="interval"/> until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await StepAsync();
            await Task.Delay(interval, CancellationToken.None);
        }
    }

    /// <summary>Stops beating without a word, as a killed or hung process does; it streams what its fence still allows.</summary>
    public void GoSilent() => ledger.GoSilent(Name, () => Coordinator.Streamable(TimeProvider.System.GetUtcNow()));

    /// <summary>A graceful stop: stream nothing, then leave.</summary>
    public async Task StopAsync()
    {
        ledger.Stream(Name, new HashSet<string>());
        await Coordinator.LeaveAsync(CancellationToken.None);
    }
}
