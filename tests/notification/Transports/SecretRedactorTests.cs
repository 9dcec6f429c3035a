using Trading.Notification.Transports;

namespace Trading.Notification.Tests.Transports;

public sealed class SecretRedactorTests
{
    private const string SlackUrl = "https://hooks.slack.com/services/T0001AAAA/B0002BBBB/abcdefghijklmnopqrstuvwx";
    private const string BotToken = "7000000001:AAHfakeTokenWith-Dash_and_Underscore";

    [Fact]
    public void Masks_a_configured_secret_wherever_it_appears()
    {
        var redactor = new SecretRedactor(["hunter2-password"]);

        var text = redactor.Redact("login as bob with hunter2-password failed; hunter2-password again");

        Assert.Equal("login as bob with *** failed; *** again", text);
    }

    [Fact]
    public void Masks_a_whole_url_as_one_mask_before_its_parts()
    {
        var redactor = new SecretRedactor([SlackUrl]);

        Assert.Equal("POST *** failed", redactor.Redact($"POST {SlackUrl} failed"));
    }

    [Fact]
    public void Masks_the_path_and_the_token_of_a_url_on_their_own()
    {
        var redactor = new SecretRedactor([SlackUrl]);

        Assert.Equal("path *** token ***", redactor.Redact("path /services/T0001AAAA/B0002BBBB/abcdefghijklmnopqrstuvwx token abcdefghijklmnopqrstuvwx"));
    }

    [Fact]
    public void Masks_the_url_encoded_and_json_escaped_forms()
    {
        var redactor = new SecretRedactor([BotToken, "p@ss word+1"]);

        Assert.Equal("a *** b *** c *** d ***", redactor.Redact(
            $"a {Uri.EscapeDataString(BotToken)} b {Uri.EscapeDataString("p@ss word+1")} c p%40ss+word%2B1 d p@ss word\\u002B1"));
    }

    [Fact]
    public void Ignores_case()
    {
        var redactor = new SecretRedactor([BotToken]);

        Assert.Equal("echo ***", redactor.Redact("echo " + BotToken.ToUpperInvariant()));
    }

    [Fact]
    public void Masks_user_info_and_query_values_of_a_url()
    {
        var redactor = new SecretRedactor(["https://ops:s3cr3t-pass@hooks.example.com/in?token=tok-123456&x=1"]);

        Assert.Equal("*** and ***", redactor.Redact("ops:s3cr3t-pass and tok-123456"));
    }

    [Fact]
    public void Leaves_short_url_words_alone()
    {
        var redactor = new SecretRedactor(["https://discord.com/api/v10/webhooks/123456789012345678/tokentokentokentokentoken"]);

        var text = redactor.Redact("api v10 webhooks 123456789012345678 tokentokentokentokentoken");

        Assert.Equal("api v10 webhooks *** ***", text);
    }

    [Fact]
    public void Skips_empty_secrets_and_leaves_text_without_secrets_as_is()
    {
        var redactor = new SecretRedactor([null, "", "   "]);

        Assert.Equal(0, redactor.Count);
        Assert.Equal("HTTP 404 channel_not_found", redactor.Redact("HTTP 404 channel_not_found"));
        Assert.Equal("", SecretRedactor.None.Redact(null));
    }
}
