using Trading.Tests;

namespace Trading.Signal.Tests;

/// <summary>A test database with the signal migrations (see <see cref="ServiceTestDatabase"/>).</summary>
internal static class TestDatabase
{
    public static Task<ServiceTestDatabase> CreateAsync(TimeProvider? timeProvider = null) =>
        ServiceTestDatabase.CreateAsync("signal-test-", typeof(SignalOptions).Assembly, timeProvider ?? TimeProvider.System);
}
