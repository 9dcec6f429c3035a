namespace Trading.MarketData.Tests.Replay;

/// <summary>The real market data files, which sit beside the repository: <c>&lt;repo root&gt;/../shared/data/market</c>.</summary>
internal static class MarketFiles
{
    public static string Directory { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Trading.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new DirectoryNotFoundException("Trading.sln not found above " + AppContext.BaseDirectory)
            : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "market"));
    }
}
