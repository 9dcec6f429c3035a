namespace Trading.Execution.Paper;

/// <summary>What happened to a <c>PlaceOrder</c> command.</summary>
public enum PlacementResult
{
    /// <summary>Stored as pending; the next market trade fills it.</summary>
    Accepted,

    /// <summary>Stored as rejected and announced with <c>OrderRejected</c>.</summary>
    Rejected,

    /// <summary>An order with the same client order id exists; nothing changed.</summary>
    Duplicate,
}
