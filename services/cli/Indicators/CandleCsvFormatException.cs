namespace Trading.Cli.Indicators;

/// <summary>A candle CSV file that is not in the <c>shared/data/market</c> format; the message names the file and the line.</summary>
public sealed class CandleCsvFormatException(string path, int lineNumber, string problem)
    : Exception($"{path} line {lineNumber}: {problem}")
{
    public int LineNumber { get; } = lineNumber;
}
