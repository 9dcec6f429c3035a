using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Live;

/// <summary>The live venue feeds (section <c>LiveFeed</c>).</summary>
public sealed class LiveFeedOptions
{
    public const string Section = "LiveFeed";

    /// <summary>Normalised symbols to stream (required, e.g. BTC/USD, ETH/USD); every configured venue must support each one.</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>
    /// Venue codes, highest priority first: the first Live one is published, the others are hot standbys. Empty means
    /// <see cref="DefaultVenues"/>; the default is not put in the list because the binder appends to a list, not replaces it.
    /// </summary>
    public List<string> Venues { get; set; } = [];

    public static IReadOnlyList<string> DefaultVenues { get; } = [Exchange.Venues.Kraken, Exchange.Venues.Coinbase];

    /// <summary>The venue priority list in force: <see cref="Venues"/>, or <see cref="DefaultVenues"/> when none is configured.</summary>
    public IReadOnlyList<string> VenuePriority => Venues.Count > 0 ? Venues : DefaultVenues;

    /// <summary>How long a higher-priority venue must be Live again before the feed fails back to it.</summary>
    public TimeSpan FailbackAfter { get; set; } = FeedSupervisor.DefaultFailbackAfter;

    /// <summary>Most trades in one <c>TradesReceived</c> message.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>A batch is published at most this long after its first trade arrived, even when not full.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>At most one <c>QuoteUpdated</c> per venue and symbol per interval; the latest quote wins.</summary>
    public TimeSpan QuoteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At start or when a symbol is taken over, the trades since the last published one are backfilled when it is at most
    /// this old; an older cursor is logged as missing trades and the feed starts from the live stream.
    /// </summary>
    public TimeSpan ResumeWithin { get; set; } = TimeSpan.FromMinutes(15);

    public Uri KrakenWebSocket { get; set; } = new("wss://ws.kraken.com/v2");

    public Uri CoinbaseWebSocket { get; set; } = new("wss://advanced-trade-ws.coinbase.com");

    public Uri KrakenFuturesWebSocket { get; set; } = new("wss://futures.kraken.com/ws/v1");

    /// <summary>
    /// No frame from Kraken spot for this long means the stream is dead (Stale): it is dropped and made again. Null: the
    /// protocol's default, ten of Kraken's one-second heartbeats. Keep it several heartbeat intervals long.
    /// </summary>
    public TimeSpan? KrakenSilenceTimeout { get; set; }

    /// <summary>As <see cref="KrakenSilenceTimeout"/> for Coinbase; null: ten of its one-second <c>heartbeats</c>.</summary>
    public TimeSpan? CoinbaseSilenceTimeout { get; set; }

    /// <summary>As <see cref="KrakenSilenceTimeout"/> for Kraken Futures; null: 30 s, its opt-in heartbeat feed being slower.</summary>
    public TimeSpan? KrakenFuturesSilenceTimeout { get; set; }

    /// <summary>The backoff ceiling of the first reconnect of a venue; it doubles per consecutive failure, with full jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = ReconnectDefaults.BaseDelay;

    /// <summary>The backoff ceiling never grows past this.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = ReconnectDefaults.MaxDelay;

    /// <summary>
    /// Tries of one REST backfill when the venue rate-limits it, is unavailable or cannot be reached; after the last one
    /// the missing range is reported as a gap.
    /// </summary>
    public int BackfillAttempts { get; set; } = 3;

    /// <summary>
    /// The wait before the second try of a backfill, doubling before each further one, when the venue does not say how
    /// long to wait (a Retry-After it sends is honoured instead).
    /// </summary>
    public TimeSpan BackfillRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Kraken REST root for trade backfill.</summary>
    public Uri KrakenRest { get; set; } = new("https://api.kraken.com/");

    /// <summary>Coinbase REST root for trade backfill.</summary>
    public Uri CoinbaseRest { get; set; } = new("https://api.coinbase.com/");

    private static ReconnectPolicyOptions ReconnectDefaults { get; } = new();
}
