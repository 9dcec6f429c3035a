using System.Diagnostics;

namespace Trading.Integration.Tests.Infrastructure;

/// <summary>Waits for a condition that other processes make true, failing with a description after a deadline.</summary>
public static class Eventually
{
    public static Task Holds(Func<bool> condition, TimeSpan patience, string description) =>
        Holds(() => Task.FromResult(condition()), patience, () => description);

    public static Task Holds(Func<Task<bool>> condition, TimeSpan patience, string description) =>
        Holds(condition, patience, () => description);

    /// <summary>Waits for <paramref name="condition"/>; on failure the message is <paramref name="describe"/>'s, evaluated then.</summary>
    public static async Task Holds(Func<Task<bool>> condition, TimeSpan patience, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > patience)
            {
                Assert.Fail($"Waited {patience.TotalSeconds:0} s for: {describe()}");
            }

            await Task.Delay(100);
        }
    }
}
