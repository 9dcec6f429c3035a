using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Tests.Live.Scaling;

public sealed class RendezvousAssignmentTests
{
    private static readonly string[] NineSymbols =
        ["BTC/USD", "ETH/USD", "SOL/USD", "BTC/USDT", "XRP/USD", "ADA/USD", "DOGE/USD", "LTC/USD", "DOT/USD"];

    private static readonly string[] ThreeMembers = ["market-data-0", "market-data-1", "market-data-2"];

    [Fact]
    public void Every_symbol_goes_to_exactly_one_member_and_each_member_computes_the_same_split()
    {
        var shares = ThreeMembers.Select(member => RendezvousAssignment.SymbolsOf(member, NineSymbols, ThreeMembers)).ToList();

        var reshuffled = RendezvousAssignment.Assign(NineSymbols.Reverse(), ThreeMembers.Reverse().Append("market-data-1"));

        Assert.Equal(NineSymbols.Order(), shares.SelectMany(s => s).Order());
        Assert.Equal(NineSymbols.Length, shares.Sum(s => s.Count));
        Assert.Equal(RendezvousAssignment.Assign(NineSymbols, ThreeMembers), reshuffled);
        Assert.All(NineSymbols, symbol => Assert.Contains(symbol, shares[Array.IndexOf(ThreeMembers, reshuffled[symbol])]));
    }

    [Fact]
    public void Three_members_share_nine_symbols_three_each()
    {
        var owners = RendezvousAssignment.Assign(NineSymbols, ThreeMembers);

        var counts = owners.Values.GroupBy(owner => owner).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(ThreeMembers, counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.Equal(3, count));
    }

    [Fact]
    public void Shares_never_differ_by_more_than_one_symbol_whatever_the_member_names()
    {
        for (var i = 0; i < 300; i++)
        {
            var members = Enumerable.Range(0, 2 + (i % 3)).Select(n => $"pod-{i}-{n}").ToList();
            var symbols = NineSymbols.Take(3 + (i % 7)).ToList();

            var counts = members.Select(m => RendezvousAssignment.SymbolsOf(m, symbols, members).Count).ToList();

            Assert.Equal(symbols.Count, counts.Sum());
            Assert.True(counts.Max() - counts.Min() <= 1, $"members {string.Join(",", members)} got {string.Join(",", counts)}");
        }
    }

    [Fact]
    public void When_a_member_leaves_its_symbols_move_and_few_others_do()
    {
        var otherMoves = 0;
        var cases = 0;
        for (var i = 0; i < 100; i++)
        {
            string[] members = [$"market-data-{3 * i}", $"market-data-{(3 * i) + 1}", $"market-data-{(3 * i) + 2}"];
            var before = RendezvousAssignment.Assign(NineSymbols, members);
            foreach (var leaver in members)
            {
                var after = RendezvousAssignment.Assign(NineSymbols, members.Where(m => m != leaver));

                var moved = NineSymbols.Count(s => before[s] != leaver && before[s] != after[s]);

                Assert.All(NineSymbols, s => Assert.NotEqual(leaver, after[s]));
                Assert.True(moved <= 2, $"{moved} symbols of the survivors moved when {leaver} left {string.Join(",", members)}");
                otherMoves += moved;
                cases++;
            }
        }

        Assert.True(otherMoves < cases, $"{otherMoves} symbols of survivors moved in {cases} departures");
    }

    [Fact]
    public void When_a_member_joins_symbols_move_mostly_to_it()
    {
        var before = RendezvousAssignment.Assign(NineSymbols, ThreeMembers.Take(2));

        var after = RendezvousAssignment.Assign(NineSymbols, ThreeMembers);

        var moved = NineSymbols.Where(s => before[s] != after[s]).ToList();
        Assert.Equal(3, moved.Count(s => after[s] == "market-data-2"));
        Assert.True(moved.Count(s => after[s] != "market-data-2") <= 2, string.Join(",", moved));
    }

    [Fact]
    public void A_single_member_holds_every_symbol_and_no_member_holds_nothing()
    {
        var single = RendezvousAssignment.SymbolsOf("market-data-0", NineSymbols, ["market-data-0"]);

        var none = RendezvousAssignment.Assign(NineSymbols, []);

        Assert.Equal(NineSymbols.Order(), single.Order());
        Assert.Empty(none);
    }

    [Fact]
    public void More_members_than_symbols_leaves_some_idle_with_at_most_one_symbol_each()
    {
        string[] members = ["a", "b", "c", "d", "e"];

        var counts = members.Select(m => RendezvousAssignment.SymbolsOf(m, ["BTC/USD", "ETH/USD"], members).Count).ToList();

        Assert.Equal(2, counts.Sum());
        Assert.All(counts, count => Assert.InRange(count, 0, 1));
    }

    [Fact]
    public void Weight_is_the_same_in_every_process_so_hosts_agree()
    {
        var weight = RendezvousAssignment.Weight("BTC/USD", "market-data-0");

        Assert.Equal(10101544287945456501UL, weight);
    }
}
