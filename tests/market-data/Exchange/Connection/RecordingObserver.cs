using System.Collections.Concurrent;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Tests.Exchange.Connection;

/// <summary>Keeps copies of every state change and trade a connection reports.</summary>
internal sealed class RecordingObserver : IVenueConnectionObserver
{
    private readonly ConcurrentQueue<StateChange> _states = new();
    private readonly ConcurrentQueue<VenueTrade> _trades = new();

    public IReadOnlyList<StateChange> States => [.. _states];

    public IReadOnlyList<VenueConnectionState> StateSequence => [.. _states.Select(s => s.State)];

    public IReadOnlyList<VenueTrade> Trades => [.. _trades];

    public ValueTask OnStateChangedAsync(string venue, VenueConnectionState state, string reason, CancellationToken cancellationToken)
    {
        _states.Enqueue(new StateChange(state, reason));
        return ValueTask.CompletedTask;
    }

    public ValueTask OnMarketDataAsync(string venue, ParsedFrame frame, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        foreach (var trade in frame.Trades)
        {
            _trades.Enqueue(trade);
        }

        return ValueTask.CompletedTask;
    }

    public sealed record StateChange(VenueConnectionState State, string Reason);
}
