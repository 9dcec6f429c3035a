namespace Trading.ServiceDefaults.Tests;

public sealed class DeterministicGuidTests
{
    [Fact]
    public void Returns_the_same_guid_for_the_same_name()
    {
        var first = DeterministicGuid.Create("ema-cross|KRAKEN|BTC/USD|1m|2024-01-01T00:00:00.0000000+00:00");

        var second = DeterministicGuid.Create("ema-cross|KRAKEN|BTC/USD|1m|2024-01-01T00:00:00.0000000+00:00");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Returns_different_guids_for_different_names()
    {
        var first = DeterministicGuid.Create("ema-cross|KRAKEN|BTC/USD|1m|2024-01-01T00:00:00.0000000+00:00");

        var second = DeterministicGuid.Create("ema-cross|KRAKEN|BTC/USD|1m|2024-01-01T00:01:00.0000000+00:00");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Marks_the_guid_as_version_8_with_the_rfc_variant()
    {
        var text = DeterministicGuid.Create("anything").ToString("D");

        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Takes_the_first_16_bytes_of_the_sha256_of_the_name()
    {
        var id = DeterministicGuid.Create("ema-cross|KRAKEN|BTC/USD|1m|2024-01-01T00:00:00.0000000+00:00");

        // Computed independently (Python hashlib); if this changes, every stored signal id changes with it.
        Assert.Equal("c79f9aac-a5b4-8172-98ed-864493d34530", id.ToString("D"));
    }
}
