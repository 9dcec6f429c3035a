namespace Trading.MarketData.Exchange;

/// <summary>
/// Parses RFC 3339 timestamps straight from UTF-8. Kraken sends 6 fractional digits on trades and 9 on OHLC
/// (<c>interval_begin</c>), which the BCL's fixed 'O' format (exactly 7) rejects, so this accepts 1..n digits and
/// truncates beyond 100 ns ticks. Returns false instead of throwing for any out-of-range field.
/// </summary>
internal static class Rfc3339Timestamp
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20
            || !TryDigits(text.Slice(0, 4), out var year) || text[4] != '-'
            || !TryDigits(text.Slice(5, 2), out var month) || text[7] != '-'
            || !TryDigits(text.Slice(8, 2), out var day) || (text[10] | 0x20) != 't'
            || !TryDigits(text.Slice(11, 2), out var hour) || text[13] != ':'
            || !TryDigits(text.Slice(14, 2), out var minute) || text[16] != ':'
            || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var index = 19;
        long fraction = 0;
        if (text[index] == '.')
        {
            index++;
            var digits = 0;
            while (index < text.Length && text[index] is >= (byte)'0' and <= (byte)'9')
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (text[index] - '0');
                }

                digits++;
                index++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        if (index >= text.Length)
        {
            return false;
        }

        long offsetTicks;
        var designator = text[index];
        if ((designator | 0x20) == 'z')
        {
            if (index + 1 != text.Length)
            {
                return false;
            }

            offsetTicks = 0;
        }
        else if (designator is (byte)'+' or (byte)'-')
        {
            if (index + 6 != text.Length
                || !TryDigits(text.Slice(index + 1, 2), out var offsetHours) || text[index + 3] != ':'
                || !TryDigits(text.Slice(index + 4, 2), out var offsetMinutes)
                || offsetHours > 23 || offsetMinutes > 59)
            {
                return false;
            }

            offsetTicks = ((offsetHours * 60L) + offsetMinutes) * TimeSpan.TicksPerMinute;
            if (designator == '-')
            {
                offsetTicks = -offsetTicks;
            }
        }
        else
        {
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        var utcTicks = localTicks - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
