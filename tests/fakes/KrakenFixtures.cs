namespace Trading.FakeVenues;

/// <summary>Files under shared/fixtures/kraken.</summary>
public static class KrakenFixtures
{
    public static string PathOf(string relativePath) => SharedFixtures.PathOf(Path.Combine("kraken", relativePath));

    public static byte[] ReadBytes(string relativePath) => SharedFixtures.ReadBytes(Path.Combine("kraken", relativePath));

    public static IEnumerable<string> Files(string folder) => SharedFixtures.Files("kraken", folder);
}
