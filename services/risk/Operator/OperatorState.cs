using System.Text.Json.Nodes;
using Trading.Markets.Risk;
using Trading.Risk.Persistence;

namespace Trading.Risk.Operator;

/// <summary>
/// What <c>GET /operator/state</c> shows: the account, the active halts, the limits in force, as configured and as overridden, and the
/// strategies disabled for their live results.
/// </summary>
public sealed record OperatorState(
    RiskAccount Account,
    decimal Drawdown,
    IReadOnlyList<Halt> Halts,
    JsonObject Limits,
    JsonObject ConfiguredLimits,
    IReadOnlyDictionary<string, JsonNode?> Overrides,
    IReadOnlyList<string> DisabledStrategies);
