namespace Trading.Markets.Tests;

internal sealed record TestTrade(DateTimeOffset Time, decimal Price, decimal Size, AggressorSide Side = AggressorSide.Unknown);
