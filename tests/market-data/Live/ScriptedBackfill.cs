using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Live;

/// <summary>Answers each backfill with the next scripted result or exception, and records what it was asked.</summary>
internal sealed class ScriptedBackfill : ITradeBackfill
{
    private readonly Queue<Func<BackfillResult>> _answers = new();
    private readonly List<(string Venue, string VenueSymbol, DateTimeOffset Since, string? LastTradeId)> _requests = [];

    /// <summary>When set, each fetch waits for it, so a test can stream trades while a backfill is running.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public IReadOnlyList<(string Venue, string VenueSymbol, DateTimeOffset Since, string? LastTradeId)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Returns(BackfillResult result) => _answers.Enqueue(() => result);

    public void Throws(Exception exception) => _answers.Enqueue(() => throw exception);

    public async Task<BackfillResult> FetchSinceAsync(string venue, string venueSymbol, DateTimeOffset since, string? lastTradeId, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add((venue, venueSymbol, since, lastTradeId));
        }

        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        return _answers.Dequeue()();
    }
}
