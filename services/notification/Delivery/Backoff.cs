namespace Trading.Notification.Delivery;

/// <summary>Waits between attempts after a transient failure: 1 s, 2 s, 4 s … doubling up to 5 minutes.</summary>
public static class Backoff
{
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    /// <param name="attempts">Attempts made so far, at least 1.</param>
    public static TimeSpan After(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var seconds = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, Max.TotalSeconds));
    }
}
