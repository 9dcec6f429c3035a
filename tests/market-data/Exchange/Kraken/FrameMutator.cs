using System.Text;

namespace Trading.MarketData.Tests.Exchange.Kraken;

/// <summary>Deterministic frame mutations for fuzzing the frame parsers (fixed seed, so failures reproduce).</summary>
public sealed class FrameMutator(int seed)
{
    private static readonly string[] Replacements =
    [
        "null", "\"\"", "1e400", "-1e400", "0", "-1", "\"abc\"", "\"1.5\"", "[]", "{}", "true", "1.5",
        "99999999999999999999999999999999", "\"\\uD800\"", "\"\\u0041\"", "-0", "1e-400",
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] frame)
    {
        var bytes = new List<byte>(frame);
        var rounds = 1 + _random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            MutateOnce(bytes);
        }

        return [.. bytes];
    }

    private void MutateOnce(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            bytes.Add((byte)_random.Next(256));
            return;
        }

        var at = _random.Next(bytes.Count);
        switch (_random.Next(10))
        {
            case 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                bytes.RemoveAt(at);
                break;
            case 2:
                bytes.Insert(at, (byte)_random.Next(256));
                break;
            case 3:
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(16));
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 5:
                ReplaceValue(bytes, Replacements[_random.Next(Replacements.Length)]);
                break;
            case 6:
                QuoteNumber(bytes);
                break;
            case 7:
                var depth = 1 + _random.Next(200);
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth)));
                break;
            case 8:
                for (var k = 0; k < 1 + _random.Next(8); k++)
                {
                    bytes[_random.Next(bytes.Count)] = (byte)_random.Next(256);
                }

                break;
            default:
                ReplaceValue(bytes, Replacements[_random.Next(Replacements.Length)]);
                break;
        }
    }

    /// <summary>Replaces the value after a random ':' (up to the next ',' or '}') with <paramref name="value"/>.</summary>
    private void ReplaceValue(List<byte> bytes, string value)
    {
        var colons = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == ':').ToList();
        if (colons.Count == 0)
        {
            return;
        }

        var start = colons[_random.Next(colons.Count)] + 1;
        var end = start;
        while (end < bytes.Count && bytes[end] is not (byte)',' and not (byte)'}')
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Wraps a random JSON number in quotes, turning it into a string number.</summary>
    private void QuoteNumber(List<byte> bytes)
    {
        var starts = Enumerable.Range(1, Math.Max(0, bytes.Count - 1))
            .Where(i => bytes[i] is >= (byte)'0' and <= (byte)'9' && bytes[i - 1] is (byte)':' or (byte)' ')
            .ToList();
        if (starts.Count == 0)
        {
            return;
        }

        var start = starts[_random.Next(starts.Count)];
        var end = start;
        while (end < bytes.Count && bytes[end] is (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'-')
        {
            end++;
        }

        bytes.Insert(end, (byte)'"');
        bytes.Insert(start, (byte)'"');
    }
}
