using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Trading.Risk.Tests;

public sealed class RiskSettingsTests
{
    [Fact]
    public void Returns_the_current_options_while_they_are_valid()
    {
        var monitor = new FakeMonitor { Value = new RiskOptions { MaxOpenPositions = 3 } };
        var settings = new RiskSettings(monitor, NullLogger<RiskSettings>.Instance);

        var current = settings.Current;

        Assert.Equal(3, current.MaxOpenPositions);
    }

    [Fact]
    public void Keeps_the_last_valid_options_when_a_change_is_invalid()
    {
        var monitor = new FakeMonitor { Value = new RiskOptions { MaxOpenPositions = 3 } };
        var settings = new RiskSettings(monitor, NullLogger<RiskSettings>.Instance);
        _ = settings.Current;

        monitor.Value = null;
        var current = settings.Current;

        Assert.Equal(3, current.MaxOpenPositions);
    }

    [Fact]
    public void Picks_up_a_valid_change()
    {
        var monitor = new FakeMonitor { Value = new RiskOptions { MaxOpenPositions = 3 } };
        var settings = new RiskSettings(monitor, NullLogger<RiskSettings>.Instance);
        _ = settings.Current;

        monitor.Value = new RiskOptions { MaxOpenPositions = 5 };
        var current = settings.Current;

        Assert.Equal(5, current.MaxOpenPositions);
    }

    private sealed class FakeMonitor : IOptionsMonitor<RiskOptions>
    {
        // Null stands for options whose validation fails, as the real monitor reports them.
        public RiskOptions? Value { get; set; }

        public RiskOptions CurrentValue =>
            Value ?? throw new OptionsValidationException(RiskOptions.Section, typeof(RiskOptions), ["Configuration key 'Risk:MaxOpenPositions': out of range"]);

        public RiskOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<RiskOptions, string?> listener) => null;
    }
}
