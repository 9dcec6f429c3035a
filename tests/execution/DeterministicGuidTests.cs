namespace Trading.Execution.Tests;

public sealed class DeterministicGuidTests
{
    [Fact]
    public void Same_key_gives_the_same_guid()
    {
        Assert.Equal(DeterministicGuid.Create("position|a"), DeterministicGuid.Create("position|a"));
    }

    [Fact]
    public void Different_keys_give_different_guids()
    {
        Assert.NotEqual(DeterministicGuid.Create("position|a"), DeterministicGuid.Create("position|b"));
    }

    [Fact]
    public void Marks_the_guid_as_version_5_with_the_rfc_variant()
    {
        var text = DeterministicGuid.Create("close|x").ToString("D");

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }
}
