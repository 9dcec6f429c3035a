using System.Text.Json.Nodes;
using Trading.Markets.Strategies;

namespace Trading.Markets.Backtesting;

/// <summary>A strategy to backtest: its name, how each run creates it, and its parameters for the report.</summary>
/// <param name="Name">The name its signals carry (see <see cref="IStrategy.Name"/>).</param>
/// <param name="Factory">Creates a fresh instance for each run.</param>
/// <param name="Parameters">The strategy's parameters as <see cref="StrategyCatalog.ParametersJson"/> writes them, for reports;
/// null when it has none.</param>
public sealed record BacktestStrategy(string Name, BacktestStrategyFactory Factory, JsonObject? Parameters)
{
    /// <summary>The shipped strategy <paramref name="name"/> of <see cref="StrategyCatalog"/>, with its parameters from
    /// <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No strategy has that name (the message lists the names).</exception>
    public static BacktestStrategy FromCatalog(string name, StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parameters = StrategyCatalog.ParametersJson(name, settings);
        return new BacktestStrategy(name, _ => StrategyCatalog.Create(name, settings), parameters);
    }
}
