namespace Trading.Markets;

/// <summary>
/// A candle interval, identified by its code: <c>1m</c>, <c>2m</c>, <c>5m</c>, <c>15m</c>, <c>30m</c>,
/// <c>1h</c>, <c>4h</c> or <c>1d</c>. Intervals are aligned to UTC: a <c>4h</c> candle opens at 00:00, 04:00, … UTC
/// and a <c>1d</c> candle at midnight UTC.
/// </summary>
/// <remarks>
/// Obtain values through <see cref="Parse"/>, <see cref="TryParse"/> or the static properties;
/// <c>default(Interval)</c> has no code and a zero duration, and <see cref="Floor"/> refuses it.
/// </remarks>
public readonly record struct Interval
{
    private Interval(string code, TimeSpan duration)
    {
        Code = code;
        Duration = duration;
    }

    /// <summary>The one-minute interval, <c>1m</c>.</summary>
    public static Interval OneMinute { get; } = new("1m", TimeSpan.FromMinutes(1));

    /// <summary>Every supported interval, shortest first.</summary>
    public static IReadOnlyList<Interval> All { get; } =
    [
        OneMinute,
        new("2m", TimeSpan.FromMinutes(2)),
        new("5m", TimeSpan.FromMinutes(5)),
        new("15m", TimeSpan.FromMinutes(15)),
        new("30m", TimeSpan.FromMinutes(30)),
        new("1h", TimeSpan.FromHours(1)),
        new("4h", TimeSpan.FromHours(4)),
        new("1d", TimeSpan.FromDays(1)),
    ];

    /// <summary>The interval code, for example <c>1m</c> or <c>1h</c>.</summary>
    public string Code { get; }

    /// <summary>The length of one candle.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Parses an interval code. Codes are case-sensitive (<c>1m</c> is a minute; <c>1M</c> is not accepted).</summary>
    /// <exception cref="FormatException">
    /// The code is not one of the supported codes; the message names it and lists the valid ones.
    /// </exception>
    public static Interval Parse(string code) =>
        TryParse(code, out var interval)
            ? interval
            : throw new FormatException(
                $"'{code}' is not a valid interval code; valid codes are {string.Join(", ", All.Select(i => i.Code))}.");

    /// <summary>Parses an interval code without throwing.</summary>
    /// <returns>False, with <paramref name="interval"/> set to <c>default</c>, when the code is null or not supported.</returns>
    public static bool TryParse(string? code, out Interval interval)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code == code)
            {
                interval = candidate;
                return true;
            }
        }

        interval = default;
        return false;
    }

    /// <summary>Finds the supported interval with exactly this duration (for example one minute gives <c>1m</c>).</summary>
    /// <returns>False, with <paramref name="interval"/> set to <c>default</c>, when no supported interval has that duration.</returns>
    public static bool TryFromDuration(TimeSpan duration, out Interval interval)
    {
        foreach (var candidate in All)
        {
            if (candidate.Duration == duration)
            {
                interval = candidate;
                return true;
            }
        }

        interval = default;
        return false;
    }

    /// <summary>
    /// The start of the UTC-aligned interval that contains <paramref name="time"/>. The result has offset zero,
    /// whatever the offset of <paramref name="time"/>; a time already on a boundary is returned unchanged.
    /// </summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Interval)</c>.</exception>
    public DateTimeOffset Floor(DateTimeOffset time)
    {
        if (Duration <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("default(Interval) has no duration; use Interval.Parse.");
        }

        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - ticks % Duration.Ticks, TimeSpan.Zero);
    }

    /// <summary>The interval code.</summary>
    public override string ToString() => Code;
}
