namespace Trading.Signal.Backtests;

/// <summary>Whether a signal is published, and if not, why it is held back.</summary>
public sealed record GateDecision(bool Publish, string? SuppressedReason)
{
    public static GateDecision Published { get; } = new(true, null);

    public static GateDecision Suppressed(string reason) => new(false, reason);
}
