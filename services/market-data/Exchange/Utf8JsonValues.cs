using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Trading.MarketData.Exchange;

/// <summary>
/// Reads values from the current token of a <see cref="Utf8JsonReader"/> without throwing. The reader's own
/// <c>GetString</c>/<c>CopyString</c> throw <see cref="InvalidOperationException"/> on invalid UTF-8 or a lone
/// surrogate escape, and parsers may only catch <see cref="JsonException"/>, so strings are decoded here.
/// </summary>
internal static class Utf8JsonValues
{
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>A decimal from a JSON number or a numeric string; never through double. 1e400 and the like are false.</summary>
    public static bool TryGetDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out value);
            case JsonTokenType.String when !reader.ValueIsEscaped:
                return decimal.TryParse(reader.ValueSpan, DecimalStyle, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    public static bool IsString(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected) =>
        reader.TokenType == JsonTokenType.String && TextEquals(ref reader, expected);

    /// <summary>
    /// Compares a property name or string token with <paramref name="expected"/>. Replaces the reader's
    /// <c>ValueTextEquals</c>, which throws on a lone surrogate escape (found by the fuzz test).
    /// </summary>
    public static bool TextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return raw.SequenceEqual(expected);
        }

        if (raw.Length > 256)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[raw.Length];
        return TryUnescape(raw, buffer, out var written) && buffer[..written].SequenceEqual(expected);
    }

    /// <summary>Decodes a string token; false for a non-string token, invalid UTF-8 or a broken escape.</summary>
    public static bool TryGetText(ref Utf8JsonReader reader, out string text)
    {
        text = string.Empty;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(raw))
            {
                return false;
            }

            text = Encoding.UTF8.GetString(raw);
            return true;
        }

        // Unescaped UTF-8 is never longer than its escaped form (\uXXXX is 6 bytes for at most 3).
        var buffer = raw.Length <= 256 ? stackalloc byte[raw.Length] : new byte[raw.Length];
        if (!TryUnescape(raw, buffer, out var written) || !Utf8.IsValid(buffer[..written]))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(buffer[..written]);
        return true;
    }

    private static bool TryUnescape(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        written = 0;
        var i = 0;
        while (i < source.Length)
        {
            var b = source[i];
            if (b != '\\')
            {
                destination[written++] = b;
                i++;
                continue;
            }

            if (i + 1 >= source.Length)
            {
                return false;
            }

            var escape = source[i + 1];
            i += 2;
            switch (escape)
            {
                case (byte)'"' or (byte)'\\' or (byte)'/':
                    destination[written++] = escape;
                    continue;
                case (byte)'b':
                    destination[written++] = (byte)'\b';
                    continue;
                case (byte)'f':
                    destination[written++] = (byte)'\f';
                    continue;
                case (byte)'n':
                    destination[written++] = (byte)'\n';
                    continue;
                case (byte)'r':
                    destination[written++] = (byte)'\r';
                    continue;
                case (byte)'t':
                    destination[written++] = (byte)'\t';
                    continue;
                case (byte)'u':
                    break;
                default:
                    return false;
            }

            if (!TryHex4(source, i, out var codePoint))
            {
                return false;
            }

            i += 4;
            if (codePoint is >= 0xDC00 and <= 0xDFFF)
            {
                return false;
            }

            if (codePoint is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 1 >= source.Length || source[i] != '\\' || source[i + 1] != 'u'
                    || !TryHex4(source, i + 2, out var low) || low is < 0xDC00 or > 0xDFFF)
                {
                    return false;
                }

                i += 6;
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
            }

            written += new Rune(codePoint).EncodeToUtf8(destination[written..]);
        }

        return true;
    }

    private static bool TryHex4(ReadOnlySpan<byte> source, int start, out int value)
    {
        value = 0;
        if (start + 4 > source.Length)
        {
            return false;
        }

        for (var k = start; k < start + 4; k++)
        {
            var digit = HexValue(source[k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
