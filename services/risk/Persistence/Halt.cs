namespace Trading.Risk.Persistence;

/// <summary>A halt as stored: its rule, why, since when and (for a daily loss halt) until when.</summary>
public sealed record Halt(long HaltId, string Rule, string Reason, DateTimeOffset StartedAt, DateTimeOffset? Until);
