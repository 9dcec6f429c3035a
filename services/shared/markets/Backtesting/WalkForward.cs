namespace Trading.Markets.Backtesting;

/// <summary>Rolling walk-forward windows over a data range.</summary>
public static class WalkForward
{
    /// <summary>
    /// The windows over [<paramref name="from"/>, <paramref name="to"/>): window k has its in-sample range
    /// [from + k × out, from + k × out + in) and its out-of-sample range the <paramref name="outOfSample"/> after it, so windows step
    /// by the out-of-sample length and the out-of-sample ranges tile the data after the first in-sample range. Only whole windows
    /// are returned: the last out-of-sample range ends at or before <paramref name="to"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is not positive.</exception>
    public static IReadOnlyList<WalkForwardWindow> Windows(DateTimeOffset from, DateTimeOffset to, TimeSpan inSample, TimeSpan outOfSample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(inSample, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(outOfSample, TimeSpan.Zero);
        var windows = new List<WalkForwardWindow>();
        for (var start = from; start + inSample + outOfSample <= to; start += outOfSample)
        {
            windows.Add(new WalkForwardWindow(windows.Count, start, start + inSample, start + inSample + outOfSample));
        }

        return windows;
    }
}
