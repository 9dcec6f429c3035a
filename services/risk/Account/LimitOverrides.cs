using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Trading.Markets.Risk;

namespace Trading.Risk.Account;

/// <summary>
/// Limits as JSON, by the names the operator endpoint uses (camel case: <c>riskPerTrade</c>, <c>maxOpenPositions</c>, …; sizing as
/// <c>FixedFraction</c> or <c>Kelly</c>, durations as <c>hh:mm:ss</c>), and the configured limits with an operator's overrides applied.
/// </summary>
public static class LimitOverrides
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The names of every limit that can be changed.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ToJson(new RiskLimits()).Select(pair => pair.Key)];

    public static JsonObject ToJson(RiskLimits limits) => JsonSerializer.SerializeToNode(limits, Json)!.AsObject();

    /// <summary>
    /// <paramref name="limits"/> with each override (name → JSON value) applied, checked as the gate checks them.
    /// </summary>
    /// <exception cref="ArgumentException">A name is unknown, a value does not convert, or the result is out of range; the message names the limit.</exception>
    public static RiskLimits Apply(RiskLimits limits, IReadOnlyDictionary<string, string> overrides)
    {
        var json = ToJson(limits);
        foreach (var (name, value) in overrides)
        {
            if (!json.ContainsKey(name))
            {
                throw new ArgumentException($"Unknown limit '{name}'. Limits: {string.Join(", ", Names)}.", name);
            }

            try
            {
                json[name] = JsonNode.Parse(value);
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"Limit '{name}': {value} is not a JSON value ({ex.Message}).", name, ex);
            }
        }

        RiskLimits applied;
        try
        {
            applied = json.Deserialize<RiskLimits>(Json)!;
        }
        catch (JsonException ex)
        {
            var name = ex.Path?.TrimStart('$', '.') ?? "?";
            throw new ArgumentException($"Limit '{name}' has a value of the wrong type: {ex.Message}", name, ex);
        }

        try
        {
            RiskGate.ValidateLimits(applied);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(ex.ParamName ?? "?");
            throw new ArgumentException($"Limit '{name}' is out of range: {ex.Message.Split(" (Parameter")[0]}", name, ex);
        }

        return applied;
    }
}
