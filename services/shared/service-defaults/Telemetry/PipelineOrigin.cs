namespace Trading.ServiceDefaults.Telemetry;

/// <summary>
/// When the chain of messages being handled began, for the consumer's flow of control: set by
/// <see cref="PipelineTimingFilter"/> from the consumed message, read by the outbox so every message the consumer causes
/// carries the same origin on.
/// </summary>
public static class PipelineOrigin
{
    private static readonly AsyncLocal<DateTimeOffset?> Origin = new();

    public static DateTimeOffset? Current
    {
        get => Origin.Value;
        internal set => Origin.Value = value;
    }
}
