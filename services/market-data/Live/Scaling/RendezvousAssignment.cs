using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// Splits symbols between live instances by rendezvous (highest-random-weight) hashing with balanced loads: taking the
/// symbols in name order, each goes to the member with the highest hash of (symbol, member) that still has room, where
/// every member has room for n / m symbols (rounded down) and the first n mod m members to fill up for one more. Every
/// instance that sees the same members and symbols computes the same split without talking to the others.
/// </summary>
/// <remarks>
/// Plain rendezvous hashing moves nothing but the symbols of a member that joins or leaves, but with the few symbols a
/// deployment streams its split is lopsided: with 4 symbols on 2 instances one instance streams all of them in 1 of 8
/// deployments, and with 9 symbols on 3 one instance stays idle in about 1 of 12. The room limit makes every member's
/// share differ by at most one symbol, at the price of sometimes moving one or two more symbols when membership changes.
/// </remarks>
public static class RendezvousAssignment
{
    /// <summary>The owner of each symbol; empty when there are no members.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> symbols, IEnumerable<string> members)
    {
        var candidates = members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return owners;
        }

        var ordered = symbols.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var share = ordered.Count / candidates.Count;
        var sharesPlusOne = ordered.Count % candidates.Count;
        var load = candidates.ToDictionary(member => member, _ => 0, StringComparer.Ordinal);
        var fullPlusOne = 0;
        foreach (var symbol in ordered)
        {
            // Ties of 64-bit weights are next to impossible, but must still break the same way on every host.
            var preference = candidates
                .Select(member => (Member: member, Weight: Weight(symbol, member)))
                .OrderByDescending(c => c.Weight)
                .ThenBy(c => c.Member, StringComparer.Ordinal);
            foreach (var (member, _) in preference)
            {
                var count = load[member];
                if (count < share || (count == share && fullPlusOne < sharesPlusOne))
                {
                    owners[symbol] = member;
                    load[member] = count + 1;
                    fullPlusOne += count == share ? 1 : 0;
                    break;
                }
            }
        }

        return owners;
    }

    /// <summary>The symbols that <paramref name="member"/> should stream when <paramref name="members"/> are live.</summary>
    public static IReadOnlySet<string> SymbolsOf(string member, IEnumerable<string> symbols, IEnumerable<string> members) =>
        Assign(symbols, members)
            .Where(pair => string.Equals(pair.Value, member, StringComparison.Ordinal))
            .Select(pair => pair.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The weight of a (symbol, member) pair: the first 8 bytes of SHA-256 over both names. <c>string.GetHashCode</c>
    /// is randomised per process, so it could not give two hosts the same answer.
    /// </summary>
    public static ulong Weight(string symbol, string member)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(symbol + "\n" + member), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
