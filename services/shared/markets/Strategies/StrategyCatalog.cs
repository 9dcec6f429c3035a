using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trading.Markets.Strategies;

/// <summary>The shipped strategies by name: how the signal service and the backtester create them from <see cref="StrategySettings"/>.</summary>
public static class StrategyCatalog
{
    private static readonly JsonSerializerOptions ParameterJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["ema-cross"] = new(s => new EmaCrossStrategy(s.EmaCross), s => s.EmaCross),
        ["donchian-breakout"] = new(s => new DonchianBreakoutStrategy(s.DonchianBreakout), s => s.DonchianBreakout),
        ["vwap-reversion"] = new(s => new VwapReversionStrategy(s.VwapReversion), s => s.VwapReversion),
        ["momentum-hybrid"] = new(s => new MomentumHybridStrategy(s.MomentumHybrid), s => s.MomentumHybrid),
        ["rsi-reversion"] = new(s => new RsiReversionStrategy(s.RsiReversion), s => s.RsiReversion),
        ["macd-momentum"] = new(s => new MacdMomentumStrategy(s.MacdMomentum), s => s.MacdMomentum),
        ["bollinger-squeeze"] = new(s => new BollingerSqueezeStrategy(s.BollingerSqueeze), s => s.BollingerSqueeze),
    };

    /// <summary>Every shipped strategy's name, in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="name"/> is a shipped strategy.</summary>
    public static bool Contains(string name) => Entries.ContainsKey(name);

    /// <summary>Creates a fresh instance of the strategy <paramref name="name"/> with its parameters from <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No strategy has that name (the message lists the names), or its parameters are invalid.</exception>
    public static IStrategy Create(string name, StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Find(name).Create(settings);
    }

    /// <summary>The options object of the strategy <paramref name="name"/> in <paramref name="settings"/>, for reports and backtest records.</summary>
    public static object ParametersOf(string name, StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Find(name).Parameters(settings);
    }

    /// <summary>
    /// The parameters of the strategy <paramref name="name"/> as a JSON object with snake_case names (<c>{"fast_period": 9, …}</c>):
    /// how a backtest report records them and how the live gate compares them with the service's own.
    /// </summary>
    public static JsonObject ParametersJson(string name, StrategySettings settings)
    {
        var parameters = ParametersOf(name, settings);
        return JsonSerializer.SerializeToNode(parameters, parameters.GetType(), ParameterJson)!.AsObject();
    }

    /// <summary>
    /// The parameters whose values differ between two parameter objects as <see cref="ParametersJson"/> writes them, in words
    /// (<c>fast_period 12 against 9</c>), a parameter only one side has included; empty when they are equal.
    /// </summary>
    public static IReadOnlyList<string> ParameterDifferences(JsonObject recorded, JsonObject live)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(live);
        var names = recorded.Select(p => p.Key).Union(live.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return
        [
            .. names
                .Where(name => !JsonNode.DeepEquals(recorded[name], live[name]))
                .Select(name => $"{name} {Describe(recorded, name)} against {Describe(live, name)}"),
        ];
    }

    private static string Describe(JsonObject parameters, string name) =>
        parameters.TryGetPropertyValue(name, out var value) ? value?.ToJsonString() ?? "null" : "(none)";

    private static Entry Find(string name) =>
        Entries.TryGetValue(name, out var entry)
            ? entry
            : throw new ArgumentException($"'{name}' is not a strategy; the strategies are {string.Join(", ", Names)}.", nameof(name));

    private sealed record Entry(Func<StrategySettings, IStrategy> Create, Func<StrategySettings, object> Parameters);
}
