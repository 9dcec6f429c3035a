namespace Trading.Integration.Tests.EndToEnd;

/// <summary>How a replay scenario runs: replay speed and batch size, and the candle-builder's grace period.</summary>
public sealed record ScenarioSettings(decimal Speed, int BatchSize, TimeSpan GracePeriod)
{
    public const string TradesFile = "btcusdt-kraken-trades-20251110.csv";
    public const string Venue = "KRAKEN";
    public const string Symbol = "BTC/USDT";

    public IReadOnlyDictionary<string, string> Environment(string postgres, string rabbitMq, Uri webhook) => new Dictionary<string, string>
    {
        ["ConnectionStrings__Postgres"] = postgres,
        ["ConnectionStrings__RabbitMq"] = rabbitMq,
        ["MarketData__Source"] = "Replay",
        ["Replay__File"] = Infrastructure.RepositoryPaths.MarketFile(TradesFile),
        ["Replay__Speed"] = Speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Replay__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Replay__Venue"] = Venue,
        ["Replay__Symbol"] = Symbol,
        ["CandleBuilder__GracePeriod"] = GracePeriod.ToString("c"),

        // The signal service trades 1m candles; the other intervals are checked where candles are built and scaled.
        ["CandleBuilder__Intervals__0"] = "1m",
        ["Signal__Intervals__0"] = "1m",
        ["Signal__Strategies__0"] = "ema-cross",

        // No backtest records exist here: without the gate every signal is published, carrying no record.
        ["Signal__Gate__Enforce"] = "false",
        ["Notification__Webhooks__0__Name"] = "e2e",
        ["Notification__Webhooks__0__Url"] = webhook.ToString(),
        ["Notification__Webhooks__0__Events__0"] = "signal-generated",
        ["Notification__Webhooks__0__PerSecond"] = "100",
        ["Messaging__OutboxPollInterval"] = "00:00:00.250",
    };
}
