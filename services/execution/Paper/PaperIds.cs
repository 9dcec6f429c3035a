using Trading.ServiceDefaults;

namespace Trading.Execution.Paper;

/// <summary>
/// Ids derived from natural keys, so a replayed batch produces the same positions and closing orders.
/// </summary>
public static class PaperIds
{
    /// <summary>One position per signal.</summary>
    public static Guid PositionId(Guid signalId) => DeterministicGuid.Create("position|" + signalId);

    /// <summary>The order that closes a position (there is exactly one: positions close whole).</summary>
    public static Guid CloseOrderId(Guid positionId) => DeterministicGuid.Create("close|" + positionId);

    /// <summary>24 characters: short enough for every venue's client order id limit.</summary>
    public static string CloseClientOrderId(Guid positionId) => "cls-" + positionId.ToString("N")[..24];
}
