namespace Trading.Risk.Account;

/// <summary>One pair's return correlation, or null when the two shared too few closes to trust one.</summary>
public sealed record CorrelationPair(string Symbol, string Other, double? Correlation, int SharedCloses);
