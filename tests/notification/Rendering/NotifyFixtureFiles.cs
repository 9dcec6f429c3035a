using System.Text.Json;

namespace Trading.Notification.Tests.Rendering;

/// <summary>The chat API requests in <c>&lt;repo root&gt;/../shared/fixtures/notify</c>.</summary>
public static class NotifyFixtureFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static JsonElement Read(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root.Value, relativePath)));
        return document.RootElement.Clone();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Trading.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "fixtures", "notify"));
            }
        }

        throw new DirectoryNotFoundException($"No Trading.sln above {AppContext.BaseDirectory}.");
    }
}
