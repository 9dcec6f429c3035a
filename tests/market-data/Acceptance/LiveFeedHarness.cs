using System.Globalization;
using Microsoft.Extensions.Logging;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Symbols;
using Trading.MarketData.Live;
using Trading.MarketData.Tests.Exchange.Connection;
using Trading.MarketData.Tests.Live;

namespace Trading.MarketData.Tests.Acceptance;

/// <summary>
/// The real <see cref="LiveFeed"/> (venue connections, feed supervisor, REST backfills over HTTP) on the system clock,
/// pointed at one fake server per configured venue, publishing into a <see cref="RecordingSink"/>. Settings are short so a
/// scenario takes seconds; waits have a generous deadline and fail early when the feed stops by itself.
/// </summary>
internal sealed class LiveFeedHarness : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(25);

    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(100);

    // Thirty heartbeats: short enough for a silence scenario to take seconds, long enough that a loaded test machine
    // (the first connection also pays for JIT and Kestrel start-up) does not look silent.
    private static readonly TimeSpan SilenceTimeout = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly List<HttpClient> _httpClients = [];
    private readonly Dictionary<string, FakeVenueServer> _fakes;
    private readonly ILoggerFactory _loggers;
    private int _priceStep;

    private LiveFeedHarness(Dictionary<string, FakeVenueServer> fakes, LiveFeedOptions options)
    {
        _fakes = fakes;
        Options = options;
        _loggers = new LoggerFactory([_logs]);
    }

    public LiveFeedOptions Options { get; }

    public RecordingSink Sink { get; } = new();

    public MeasurementRecorder Counters { get; } = new();

    public IReadOnlyList<string> Logs => _logs.Messages;

    public Task Running { get; private set; } = Task.CompletedTask;

    public CancellationToken Token => _stop.Token;

    /// <summary>Starts a fake per venue, lets <paramref name="arrange"/> prepare them, then runs the feed.</summary>
    public static async Task<LiveFeedHarness> StartAsync(
        IReadOnlyList<string> venues, IReadOnlyList<string> symbols, Action<LiveFeedHarness>? arrange = null)
    {
        var fakes = new Dictionary<string, FakeVenueServer>(StringComparer.Ordinal);
        foreach (var venue in venues)
        {
            fakes[venue] = venue switch
            {
                Venues.Kraken => await FakeKrakenSpotServer.StartAsync(HeartbeatInterval),
                Venues.Coinbase => await FakeCoinbaseServer.StartAsync(HeartbeatInterval),
                _ => await FakeKrakenFuturesServer.StartAsync(HeartbeatInterval),
            };
        }

        var options = new LiveFeedOptions
        {
            Symbols = [.. symbols],
            Venues = [.. venues],
            FailbackAfter = TimeSpan.FromSeconds(1.5),
            KrakenSilenceTimeout = SilenceTimeout,
            CoinbaseSilenceTimeout = SilenceTimeout,
            KrakenFuturesSilenceTimeout = SilenceTimeout,
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(250),
            BackfillRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        foreach (var (venue, fake) in fakes)
        {
            switch (venue)
            {
                case Venues.Kraken:
                    options.KrakenWebSocket = fake.Endpoint;
                    options.KrakenRest = fake.RestBaseAddress;
                    break;
                case Venues.Coinbase:
                    options.CoinbaseWebSocket = fake.Endpoint;
                    options.CoinbaseRest = fake.RestBaseAddress;
                    break;
                default:
                    options.KrakenFuturesWebSocket = fake.Endpoint;
                    break;
            }
        }

        var harness = new LiveFeedHarness(fakes, options);
        arrange?.Invoke(harness);
        harness.Start();
        return harness;
    }

    public FakeVenueServer Fake(string venue) => _fakes[venue];

    public T Fake<T>(string venue)
        where T : FakeVenueServer => (T)_fakes[venue];

    /// <summary>The venue whose data is published: the target of the latest start, failover or failback status.</summary>
    public string? ActiveVenue => Sink.Statuses.LastOrDefault(IsActiveVenueChange)?.Venue;

    public IReadOnlyList<VenueTrade> Published(string venue) =>
        [.. Sink.Trades.Where(t => t.Venue == venue).SelectMany(t => t.Trades)];

    public IReadOnlyList<FeedStatus> StatusesOf(string venue) =>
        [.. Sink.Statuses.Where(s => s.Venue == venue).Select(s => s.Status)];

    public long Counter(string name, string venue) => Counters.Total(name, venue);

    /// <summary>Appends <paramref name="count"/> trades with distinct prices, sizes and both sides to the venue's tape.</summary>
    public async Task<List<FakeTrade>> AppendAsync(string venue, string venueSymbol, int count)
    {
        var trades = new List<FakeTrade>();
        for (var i = 0; i < count; i++)
        {
            var step = Interlocked.Increment(ref _priceStep);
            trades.Add(await _fakes[venue].AppendTradeAsync(
                venueSymbol, 60_000m + (step * 0.25m), 0.001m * step, _stop.Token, step % 2 == 0 ? "buy" : "sell"));
        }

        return trades;
    }

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            AssertStillRunning();
            if (TimeProvider.System.GetElapsedTime(started) > Deadline)
            {
                Assert.Fail($"Not within {Deadline.TotalSeconds} s: {what}.\n{Describe()}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Until the venue has been reported Live and the fake streams the symbol's trades on its newest connection.</summary>
    public Task WaitUntilStreamingAsync(string venue, string venueSymbol) =>
        WaitUntilAsync(
            () => Sink.Statuses.Any(s => s.Venue == venue && s.Status == FeedStatus.Live) && _fakes[venue].IsStreamingTradesOf(venueSymbol),
            $"{venue} live and streaming {venueSymbol}");

    /// <summary>Until the venue has reported <paramref name="status"/> more often than <paramref name="seenBefore"/> times.</summary>
    public Task WaitForStatusAsync(string venue, FeedStatus status, int seenBefore) =>
        WaitUntilAsync(() => StatusesOf(venue).Count(s => s == status) > seenBefore, $"{venue} {status} (seen {seenBefore} times before)");

    public Task WaitUntilPublishedAsync(string venue, IEnumerable<FakeTrade> trades)
    {
        var keys = trades.Select(t => $"{t.Symbol} {t.TradeId}").ToHashSet(StringComparer.Ordinal);
        return WaitUntilAsync(
            () => keys.IsSubsetOf(Published(venue).Select(t => $"{t.VenueSymbol} {t.TradeId}")),
            $"{keys.Count} trades ({Abbreviate(keys)}) published from {venue}");
    }

    public Task WaitUntilActiveAsync(string venue) => WaitUntilAsync(() => ActiveVenue == venue, $"{venue} the active venue");

    public void AssertStillRunning()
    {
        if (Running.IsCompleted)
        {
            Assert.Fail($"The live feed stopped by itself: {Running.Exception?.ToString() ?? Running.Status.ToString()}\n{Describe()}");
        }
    }

    /// <summary>
    /// Every trade published from <paramref name="venue"/> was published once, under the normalised symbol, exactly as it is on
    /// the venue's tape (nothing invented), and the trades in <paramref name="expected"/> are exactly the ones published.
    /// </summary>
    public void AssertPublishedExactly(string venue, IEnumerable<FakeTrade> expected)
    {
        var published = Published(venue);
        var duplicates = published.GroupBy(t => (t.VenueSymbol, t.TradeId)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Published more than once from {venue}: {string.Join(", ", duplicates)}");

        var tape = _fakes[venue];
        foreach (var batch in Sink.Trades.Where(t => t.Venue == venue))
        {
            foreach (var trade in batch.Trades)
            {
                var onTape = tape.Tape(trade.VenueSymbol).SingleOrDefault(t => t.TradeId == trade.TradeId);
                Assert.True(onTape is not null, $"{venue} published trade {trade.TradeId} of {trade.VenueSymbol}, which is not on the tape");
                Assert.Equal(SymbolMap.Default.ToNormalised(venue, trade.VenueSymbol), batch.Symbol);
                Assert.Equal(
                    (onTape.Price, onTape.Quantity, onTape.Side, onTape.Time),
                    (trade.Price, trade.Quantity, trade.Side == TradeSide.Buy ? "buy" : "sell", trade.ExchangeTime));
            }
        }

        Assert.Equal(
            expected.Select(t => $"{t.Symbol} {t.TradeId}").Order(StringComparer.Ordinal),
            published.Select(t => $"{t.VenueSymbol} {t.TradeId}").Order(StringComparer.Ordinal));
    }

    /// <summary>The venue's statuses contain <paramref name="expected"/> in this order, other statuses in between allowed.</summary>
    public void AssertStatusesInOrder(string venue, params FeedStatus[] expected)
    {
        var statuses = StatusesOf(venue);
        var next = 0;
        foreach (var status in statuses)
        {
            if (next < expected.Length && status == expected[next])
            {
                next++;
            }
        }

        Assert.True(next == expected.Length, $"{venue} statuses {string.Join(" → ", statuses)} do not contain {string.Join(" → ", expected)} in order");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        var stopped = await Task.WhenAny(Running, Task.Delay(Deadline));
        foreach (var fake in _fakes.Values)
        {
            await fake.DisposeAsync();
        }

        foreach (var client in _httpClients)
        {
            client.Dispose();
        }

        _loggers.Dispose();
        Counters.Dispose();
        _stop.Dispose();
        Assert.True(stopped == Running, "the live feed did not stop after cancellation");
        await Running;
    }

    private static bool IsActiveVenueChange(RecordingSink.PublishedStatus status) =>
        status.Status == FeedStatus.Live
        && (status.Reason.Contains("publishing from it", StringComparison.Ordinal)
            || status.Reason.Contains("failing over to", StringComparison.Ordinal)
            || status.Reason.Contains("failing back from", StringComparison.Ordinal));

    private static string Abbreviate(IReadOnlyCollection<string> items) =>
        items.Count <= 20 ? string.Join(" ", items) : $"{string.Join(" ", items.Take(10))} ... {string.Join(" ", items.TakeLast(10))}";

    private void Start()
    {
        var feed = new LiveFeed(
            Options,
            Sink,
            _ => NewHttpClient(),
            new VenueConnectionMetrics(Counters.Telemetry),
            new LiveFeedMetrics(Counters.Telemetry),
            TimeProvider.System,
            _loggers);
        Running = Task.Run(() => feed.RunAsync(Options.Symbols, _stop.Token));
    }

    private HttpClient NewHttpClient()
    {
        var client = new HttpClient();
        lock (_httpClients)
        {
            _httpClients.Add(client);
        }

        return client;
    }

    private string Describe() =>
        "Statuses: " + string.Join(" | ", Sink.Statuses.Select(s => $"{s.Venue} {s.Status}: {s.Reason}"))
        + "\nTrades: " + Abbreviate([.. Sink.Trades.SelectMany(b => b.Trades.Select(t => $"{b.Venue}:{t.VenueSymbol}:{t.TradeId}"))])
        + "\nGaps: " + string.Join(" | ", Sink.Gaps.Select(g => $"{g.Venue} {g.Symbol} {g.From:O}..{g.To:O}: {g.Reason}"))
        + "\nLog: " + string.Join("\n  ", Logs.TakeLast(30))
        + "\nREST: " + string.Join(", ", _fakes.Values.SelectMany(f => f.RestRequests))
        + string.Create(CultureInfo.InvariantCulture, $"\nConnections: {string.Join(", ", _fakes.Select(f => $"{f.Key} {f.Value.AcceptedConnections}/{f.Value.ConnectionAttempts}"))}");
}
