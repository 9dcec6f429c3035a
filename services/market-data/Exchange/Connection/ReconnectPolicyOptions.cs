namespace Trading.MarketData.Exchange.Connection;

/// <summary>How fast a venue connection may be made again after it fails.</summary>
public sealed record ReconnectPolicyOptions
{
    /// <summary>The backoff ceiling of the first retry; it doubles per consecutive failure.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A connection that stayed live this long counts as healthy: the next failure starts from the base delay.</summary>
    public TimeSpan ResetAfterLive { get; init; } = TimeSpan.FromSeconds(60);

    // Kraken (Cloudflare) bans an IP for 10 minutes after about 150 connection attempts in a rolling 10 minutes;
    // 100 leaves room for a restart or a second instance behind the same address.
    public int MaxAttemptsPerWindow { get; init; } = 100;

    public TimeSpan AttemptWindow { get; init; } = TimeSpan.FromMinutes(10);
}
