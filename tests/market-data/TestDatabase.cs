using Trading.MarketData.Replay;
using Trading.Tests;

namespace Trading.MarketData.Tests;

/// <summary>A test database with the market-data migrations (see <see cref="ServiceTestDatabase"/>).</summary>
internal static class TestDatabase
{
    public static Task<ServiceTestDatabase> CreateAsync(TimeProvider timeProvider) =>
        ServiceTestDatabase.CreateAsync("md-test-", typeof(ReplayRunner).Assembly, timeProvider);
}
