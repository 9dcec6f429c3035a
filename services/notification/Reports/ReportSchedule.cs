namespace Trading.Notification.Reports;

/// <summary>When periodic reports fall due: on UTC multiples of their interval, so every instance names the same slot.</summary>
public static class ReportSchedule
{
    /// <summary>The latest slot start at or before <paramref name="now"/> for reports every <paramref name="interval"/>.</summary>
    public static DateTimeOffset SlotOf(DateTimeOffset now, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var ticks = now.UtcTicks - (now.UtcTicks % interval.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>The next slot start after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextSlot(DateTimeOffset now, TimeSpan interval) => SlotOf(now, interval) + interval;
}
