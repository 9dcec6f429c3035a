namespace Trading.FakeVenues;

/// <summary>Files under shared/fixtures/coinbase.</summary>
public static class CoinbaseFixtures
{
    public static string Directory => SharedFixtures.PathOf("coinbase");

    public static byte[] ReadBytes(string relativePath) => SharedFixtures.ReadBytes(Path.Combine("coinbase", relativePath));
}
