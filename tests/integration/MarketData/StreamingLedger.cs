namespace Trading.Integration.Tests.MarketData;

/// <summary>Which simulated instance streams which symbols, and every moment two of them streamed one symbol.</summary>
public sealed class StreamingLedger
{
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();
    private readonly Dictionary<string, Func<IReadOnlySet<string>>> _streaming = [];
    private readonly List<string> _overlaps = [];

    public IReadOnlyList<string> Overlaps
    {
        get
        {
            lock (_streaming)
            {
                return [.. _overlaps];
            }
        }
    }

    public IReadOnlySet<string> StreamedBy(string instance)
    {
        lock (_streaming)
        {
            return _streaming.TryGetValue(instance, out var streams) ? streams() : Nothing;
        }
    }

    /// <summary>
    /// Records that <paramref name="instance"/> now streams <paramref name="symbols"/>, noting any symbol another instance
    /// streams at this moment. Returns whether the instance gave up a symbol.
    /// </summary>
    public bool Stream(string instance, IReadOnlySet<string> symbols)
    {
        lock (_streaming)
        {
            foreach (var (other, streams) in _streaming.Where(s => s.Key != instance))
            {
                foreach (var symbol in symbols.Intersect(streams()))
                {
                    _overlaps.Add($"{instance} and {other} both stream {symbol}");
                }
            }

            var gaveUp = _streaming.TryGetValue(instance, out var before) && before().Except(symbols).Any();
            _streaming[instance] = () => symbols;
            return gaveUp;
        }
    }

    /// <summary>
    /// The instance stops beating but is not known to be dead (hung, or cut off from the database): from now on it
    /// streams whatever <paramref name="streams"/> says, i.e. what its own fence still allows.
    /// </summary>
    public void GoSilent(string instance, Func<IReadOnlySet<string>> streams)
    {
        lock (_streaming)
        {
            _streaming[instance] = streams;
        }
    }
}
