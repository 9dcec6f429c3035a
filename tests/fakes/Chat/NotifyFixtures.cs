namespace Trading.FakeVenues.Chat;

/// <summary>Files under shared/fixtures/notify (Slack, Discord and Telegram requests and responses).</summary>
public static class NotifyFixtures
{
    public static string PathOf(string relativePath) => SharedFixtures.PathOf(Path.Combine("notify", relativePath));

    public static string ReadText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static IEnumerable<string> Files(string folder) => SharedFixtures.Files("notify", folder);
}
