using System.ComponentModel.DataAnnotations;

namespace Trading.Notification.Tests;

public sealed class NotificationOptionsTests
{
    private const string SecretUrl = "https://hooks.example.com/services/T000/B000/SECRET";

    [Fact]
    public void Defaults_to_the_console_and_no_webhooks()
    {
        var options = new NotificationOptions();

        Assert.True(options.Console);
        Assert.Empty(options.Webhooks);
        Assert.Empty(Validate(options));
        Assert.Equal(TimeSpan.FromSeconds(10), new WebhookChannelOptions().Timeout);
    }

    [Fact]
    public void Accepts_webhooks_with_unique_names_and_known_events()
    {
        var options = new NotificationOptions
        {
            Webhooks = [new() { Name = "a", Url = SecretUrl }, new() { Name = "b", Url = "http://127.0.0.1:8080/x", Events = ["order-filled"] }],
        };

        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("/relative/hook")]
    [InlineData("not a url")]
    public void Refuses_a_url_that_is_not_absolute_http_without_showing_it(string url)
    {
        var error = Assert.Single(Validate(new NotificationOptions { Webhooks = [new() { Name = "a", Url = url }] }));

        Assert.Equal(["Webhooks:0:Url"], error.MemberNames);
        Assert.DoesNotContain(url, error.ErrorMessage);
    }

    [Fact]
    public void Refuses_a_missing_name_or_url()
    {
        var errors = Validate(new NotificationOptions { Webhooks = [new() { Name = "a", Url = SecretUrl }, new()] });

        Assert.Equal(["Webhooks:1:Name", "Webhooks:1:Url"], errors.SelectMany(e => e.MemberNames).Order());
    }

    [Fact]
    public void Refuses_two_webhooks_with_the_same_name()
    {
        var error = Assert.Single(Validate(new NotificationOptions
        {
            Webhooks = [new() { Name = "ops", Url = SecretUrl }, new() { Name = "OPS", Url = SecretUrl }],
        }));

        Assert.Equal(["Webhooks:1:Name"], error.MemberNames);
        Assert.DoesNotContain("SECRET", error.ErrorMessage);
    }

    [Fact]
    public void Refuses_an_unknown_event_name()
    {
        var error = Assert.Single(Validate(new NotificationOptions
        {
            Webhooks = [new() { Name = "ops", Url = SecretUrl, Events = ["order-filled", "order-filed"] }],
        }));

        Assert.Equal(["Webhooks:0:Events"], error.MemberNames);
        Assert.Contains("'order-filed'", error.ErrorMessage);
    }

    [Fact]
    public void Refuses_a_timeout_out_of_range()
    {
        var error = Assert.Single(Validate(new NotificationOptions
        {
            Webhooks = [new() { Name = "ops", Url = SecretUrl, Timeout = TimeSpan.Zero }],
        }));

        Assert.Equal(["Webhooks:0:Timeout"], error.MemberNames);
    }

    [Fact]
    public void Accepts_one_channel_of_every_kind()
    {
        Assert.Empty(Validate(Everything()));
    }

    [Theory]
    [InlineData("Slack:0:WebhookUrl")]
    [InlineData("Discord:0:WebhookUrl")]
    [InlineData("Telegram:0:BotToken")]
    [InlineData("Telegram:0:ChatId")]
    [InlineData("Telegram:0:ParseMode")]
    [InlineData("Email:0:Host")]
    [InlineData("Email:0:To")]
    [InlineData("Slack:0:Silent")]
    [InlineData("Discord:0:Off")]
    [InlineData("Telegram:0:MinSeverity")]
    [InlineData("StatusReportInterval")]
    public void Names_the_key_of_each_invalid_setting_and_never_shows_a_secret(string key)
    {
        var options = Everything();
        switch (key)
        {
            case "Slack:0:WebhookUrl": options.Slack[0].WebhookUrl = "hooks.slack.com/services/T/B/SECRET"; break;
            case "Discord:0:WebhookUrl": options.Discord[0].WebhookUrl = "ftp://discord.com/api/webhooks/1/SECRET"; break;
            case "Telegram:0:BotToken": options.Telegram[0].BotToken = "SECRET"; break;
            case "Telegram:0:ChatId": options.Telegram[0].ChatId = "twelve"; break;
            case "Telegram:0:ParseMode": options.Telegram[0].ParseMode = "Markdown"; break;
            case "Email:0:Host": options.Email[0].Host = ""; break;
            case "Email:0:To": options.Email[0].To = []; break;
            case "Slack:0:Silent": options.Slack[0].Silent = ["order-filed"]; break;
            case "Discord:0:Off": options.Discord[0].Off = ["nope"]; break;
            case "Telegram:0:MinSeverity": options.Telegram[0].MinSeverity = (Trading.Notification.Notifications.NoticeSeverity)7; break;
            case "StatusReportInterval": options.StatusReportInterval = TimeSpan.FromSeconds(30); break;
        }

        var error = Assert.Single(Validate(options));

        Assert.Equal([key], error.MemberNames);
        Assert.DoesNotContain("SECRET", error.ErrorMessage);
    }

    [Fact]
    public void Refuses_two_telegram_channels_polling_commands_with_one_bot()
    {
        var options = Everything();
        options.Telegram.Add(new TelegramChannelOptions { Name = "group", BotToken = options.Telegram[0].BotToken, ChatId = "-1001234567890", Commands = true });
        options.Telegram[0].Commands = true;

        Assert.Equal(["Telegram"], Assert.Single(Validate(options)).MemberNames);
    }

    private static NotificationOptions Everything() => new()
    {
        Slack = [new SlackChannelOptions { Name = "desk", WebhookUrl = "https://hooks.slack.com/services/T0/B0/SECRET" }],
        Discord = [new DiscordChannelOptions { Name = "desk", WebhookUrl = "https://discord.com/api/webhooks/1/SECRET" }],
        Telegram = [new TelegramChannelOptions { Name = "phone", BotToken = "123456:AAEhBP0av28sXKQ-example_token_SECRET", ChatId = "424242" }],
        Webhooks = [new WebhookChannelOptions { Name = "ops", Url = SecretUrl }],
        Email = [new EmailChannelOptions { Name = "inbox", Host = "smtp.example.com", From = "bot@example.com", To = ["me@example.com"], Password = "SECRET" }],
    };

    private static List<ValidationResult> Validate(NotificationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
