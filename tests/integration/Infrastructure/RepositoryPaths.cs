namespace Trading.Integration.Tests.Infrastructure;

/// <summary>Where the checkout, the shared data and the services' build output are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string MarketFile(string name) => Path.Combine(SharedData, "market", name);

    /// <summary>The build configuration the tests were built with; the services were built alongside.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ServiceAssembly(string service, string assemblyName) =>
        Path.Combine(Root, "services", service, "bin", Configuration, "net10.0", assemblyName + ".dll");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Trading.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Trading.sln not found above " + AppContext.BaseDirectory);
    }
}
