namespace Trading.Cli.Record;

/// <summary>A file in the <c>--out</c> directory exists but is not a file of the kind <c>trading record</c> appends to.</summary>
public sealed class RecordFileException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
