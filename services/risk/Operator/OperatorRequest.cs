using System.Text.Json;

namespace Trading.Risk.Operator;

/// <summary>
/// The body of an operator request: why (required, audited), who (optional, "operator" when absent), and for <c>PUT /operator/limits</c>
/// the limits to set, for <c>POST /operator/strategies/enable</c> the combination (<c>POST /operator/flatten</c> takes an optional symbol).
/// </summary>
public sealed class OperatorRequest
{
    public string? Reason { get; set; }

    public string? Actor { get; set; }

    public Dictionary<string, JsonElement>? Limits { get; set; }

    /// <summary>With the kill switch: also close every open position at the market.</summary>
    public bool Flatten { get; set; }

    public string? Strategy { get; set; }

    public string? Symbol { get; set; }

    public string? Interval { get; set; }
}
