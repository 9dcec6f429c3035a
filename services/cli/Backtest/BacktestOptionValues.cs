namespace Trading.Cli.Backtest;

/// <summary>The raw option values of <c>trading backtest</c>, before <see cref="BacktestArguments"/> checks them.</summary>
public sealed record BacktestOptionValues
{
    public IReadOnlyList<string>? CandleFiles { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }

    public string? Interval { get; init; }

    public string? Strategies { get; init; }

    public string? ParametersFile { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Output { get; init; }

    public decimal Equity { get; init; } = 10_000m;

    public string? MaxHolding { get; init; } = "24h";

    public decimal SlippageBps { get; init; } = 2m;

    public decimal FeeRate { get; init; } = 0.0026m;

    public string? WalkForward { get; init; }

    public bool CheckLookahead { get; init; }
}
