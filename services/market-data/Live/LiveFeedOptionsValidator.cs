using Microsoft.Extensions.Options;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.MarketData.Live;

/// <summary>Fails start-up on a symbol a venue does not trade, an unknown venue, or a limit that cannot work.</summary>
public sealed class LiveFeedOptionsValidator(IOptions<MarketDataOptions> source) : IValidateOptions<LiveFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveFeedOptions options)
    {
        var failures = new List<string>();
        var section = LiveFeedOptions.Section;
        if (source.Value.IsLive && options.Symbols.Count == 0)
        {
            failures.Add($"Configuration key '{section}:{nameof(LiveFeedOptions.Symbols)}' is empty: name at least one symbol such as BTC/USD.");
        }

        foreach (var duplicate in options.VenuePriority.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Configuration key '{section}:{nameof(LiveFeedOptions.Venues)}' lists {duplicate.Key} more than once.");
        }

        foreach (var venue in options.VenuePriority.Distinct(StringComparer.Ordinal))
        {
            foreach (var symbol in options.Symbols)
            {
                try
                {
                    SymbolMap.Default.ToVenue(venue, symbol);
                }
                catch (UnknownSymbolException exception)
                {
                    failures.Add($"Configuration key '{section}:{nameof(LiveFeedOptions.Symbols)}': symbol '{symbol}' on venue '{venue}': {exception.Message}");
                }
            }
        }

        Positive(failures, nameof(LiveFeedOptions.FailbackAfter), options.FailbackAfter);
        Positive(failures, nameof(LiveFeedOptions.BatchWindow), options.BatchWindow);
        Positive(failures, nameof(LiveFeedOptions.QuoteInterval), options.QuoteInterval);
        Positive(failures, nameof(LiveFeedOptions.KrakenSilenceTimeout), options.KrakenSilenceTimeout);
        Positive(failures, nameof(LiveFeedOptions.CoinbaseSilenceTimeout), options.CoinbaseSilenceTimeout);
        Positive(failures, nameof(LiveFeedOptions.KrakenFuturesSilenceTimeout), options.KrakenFuturesSilenceTimeout);
        Positive(failures, nameof(LiveFeedOptions.ReconnectBaseDelay), options.ReconnectBaseDelay);
        Positive(failures, nameof(LiveFeedOptions.ReconnectMaxDelay), options.ReconnectMaxDelay);
        if (options.ReconnectBaseDelay > options.ReconnectMaxDelay)
        {
            failures.Add(
                $"Configuration key '{section}:{nameof(LiveFeedOptions.ReconnectBaseDelay)}' ({options.ReconnectBaseDelay}) must not exceed "
                + $"'{section}:{nameof(LiveFeedOptions.ReconnectMaxDelay)}' ({options.ReconnectMaxDelay}).");
        }

        Positive(failures, nameof(LiveFeedOptions.BackfillRetryDelay), options.BackfillRetryDelay);
        Positive(failures, nameof(LiveFeedOptions.ResumeWithin), options.ResumeWithin);
        if (options.BackfillAttempts is < 1 or > 10)
        {
            failures.Add($"Configuration key '{section}:{nameof(LiveFeedOptions.BackfillAttempts)}' must be between 1 and 10; it is {options.BackfillAttempts}.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"Configuration key '{section}:{nameof(LiveFeedOptions.BatchSize)}' must be between 1 and 10000; it is {options.BatchSize}.");
        }

        Endpoint(failures, nameof(LiveFeedOptions.KrakenWebSocket), options.KrakenWebSocket, "ws", "wss");
        Endpoint(failures, nameof(LiveFeedOptions.CoinbaseWebSocket), options.CoinbaseWebSocket, "ws", "wss");
        Endpoint(failures, nameof(LiveFeedOptions.KrakenFuturesWebSocket), options.KrakenFuturesWebSocket, "ws", "wss");
        Endpoint(failures, nameof(LiveFeedOptions.KrakenRest), options.KrakenRest, "http", "https");
        Endpoint(failures, nameof(LiveFeedOptions.CoinbaseRest), options.CoinbaseRest, "http", "https");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <param name="value">Null means the default and is fine.</param>
    private static void Positive(List<string> failures, string key, TimeSpan? value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Configuration key '{LiveFeedOptions.Section}:{key}' must be a positive time span such as 00:00:01; it is {value}.");
        }
    }

    private static void Endpoint(List<string> failures, string key, Uri? value, params string[] schemes)
    {
        if (value is null || !value.IsAbsoluteUri || !schemes.Contains(value.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Configuration key '{LiveFeedOptions.Section}:{key}' must be an absolute {string.Join(" or ", schemes)} URL; it is '{value}'.");
        }
    }
}
