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

    private static List<ValidationResult> Validate(NotificationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
