namespace Trading.Risk.Persistence;

/// <summary>One audited operator action: a limit change (with old and new JSON value), kill switch, resume or strategy enabled.</summary>
public sealed record OperatorAction(
    string Action, string? Name, string? OldValue, string? NewValue, string Reason, string Actor, DateTimeOffset ActedAt);
