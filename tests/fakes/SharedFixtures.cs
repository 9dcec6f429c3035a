namespace Trading.FakeVenues;

/// <summary>The shared wire fixtures, which sit beside the repository: <c>&lt;repo root&gt;/../shared/fixtures</c>.</summary>
public static class SharedFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string PathOf(string relativePath) => Path.Combine(Root.Value, relativePath);

    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(PathOf(relativePath));

    /// <summary>The files of a fixture folder, as paths relative to <paramref name="root"/>, in ordinal order.</summary>
    public static IEnumerable<string> Files(string root, string folder) =>
        Directory.EnumerateFiles(PathOf(Path.Combine(root, folder)))
            .Select(path => Path.GetRelativePath(PathOf(root), path))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Trading.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "fixtures"));
            }
        }

        throw new DirectoryNotFoundException($"No Trading.sln above {AppContext.BaseDirectory}.");
    }
}
