using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Trading.MarketData.Exchange;

/// <summary>
/// Hands out the same string for the same symbol bytes, so a connection's steady trade flow allocates no symbol
/// strings. Bounded: once full (hostile or unexpected symbols), new symbols are decoded without being kept.
/// Not thread-safe; one per parser, and a parser belongs to one connection.
/// </summary>
internal sealed class SymbolStringCache(int capacity = 64)
{
    private readonly byte[][] _keys = new byte[capacity][];
    private readonly string[] _values = new string[capacity];
    private int _count;

    public bool TryGet(ref Utf8JsonReader reader, out string symbol)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return Utf8JsonValues.TryGetText(ref reader, out symbol);
        }

        var raw = reader.ValueSpan;
        if (!Utf8.IsValid(raw))
        {
            symbol = string.Empty;
            return false;
        }

        symbol = Get(raw);
        return true;
    }

    /// <summary>The string for <paramref name="utf8"/>, which the caller has checked is valid UTF-8.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < _count; i++)
        {
            if (utf8.SequenceEqual(_keys[i]))
            {
                return _values[i];
            }
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (_count < _keys.Length)
        {
            _keys[_count] = utf8.ToArray();
            _values[_count] = value;
            _count++;
        }

        return value;
    }
}
