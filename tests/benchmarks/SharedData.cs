namespace Trading.Benchmarks;

/// <summary>Finds the recorded data in ../shared/data next to the repository (the folder holding Trading.sln).</summary>
internal static class SharedData
{
    public static string MarketFile(string name) => Path.Combine(Root(), "..", "shared", "data", "market", name);

    private static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Trading.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No folder containing Trading.sln above {AppContext.BaseDirectory} or the working directory.");
    }
}
