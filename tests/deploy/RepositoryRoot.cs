namespace Trading.Deploy.Tests;

/// <summary>
/// The checkout the tests run from, so they read the deploy files in place: the folder holding Trading.sln, found by walking
/// up from the test assembly's folder.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Trading.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Trading.sln in {AppContext.BaseDirectory} or any folder above it.");
    }
}
