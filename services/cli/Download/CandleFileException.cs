namespace Trading.Cli.Download;

/// <summary>The <c>--out</c> file exists but is not a candle file this command can append to.</summary>
public sealed class CandleFileException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
