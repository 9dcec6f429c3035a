using System.Diagnostics;
using Trading.FakeVenues.Chat;
using Trading.Notification.Delivery;
using Trading.Notification.Transports;

namespace Trading.Notification.Tests.Transports;

public sealed class SmtpTransportTests : IAsyncLifetime
{
    private const string Password = "smtp-S3cret-pa55word";

    private readonly FakeSmtpServer _smtp = FakeSmtpServer.Start();
    private readonly SmtpTransport _transport = new(new SecretRedactor([Password]));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task Sends_the_message_after_logging_in()
    {
        _smtp.RequireAuthentication("bot@example.com", Password);

        var outcome = await Send(Settings());

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Delivered);
        var message = Assert.Single(_smtp.Messages);
        Assert.Equal("bot@example.com", message.MailFrom);
        Assert.Equal(["trader@example.com", "desk@example.com"], message.RcptTo);
        Assert.Equal("bot@example.com", message.Username);
        Assert.Equal("Order filled: BUY 0.0010 BTC/USD", message.Subject);
        Assert.Equal("Price: 68900.0\r\nFee: 0.18 USD", message.Body);
        Assert.Equal(("bot@example.com", Password), Assert.Single(_smtp.Logins));
    }

    [Fact]
    public async Task Sends_without_logging_in_when_no_username_is_set()
    {
        var outcome = await Send(Settings() with { Username = "", Password = "" });

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Delivered);
        Assert.Empty(_smtp.Logins);
        Assert.DoesNotContain(_smtp.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_wrong_password_is_permanent_and_not_in_the_error()
    {
        _smtp.RequireAuthentication("bot@example.com", "the-right-one");

        var outcome = await Send(Settings());

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "SMTP 5");
        TransportAssert.NoSecret(outcome.Error, Password);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task A_refused_login_ends_permanent_at_mail_from_since_the_client_goes_on_without_it()
    {
        _smtp.RequireAuthentication("bot@example.com", Password);
        _smtp.Script(new FakeSmtpReply(SmtpStage.Auth, 535, "5.7.8 Authentication credentials invalid"));

        var outcome = await Send(Settings());

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "SMTP 530");
        Assert.Single(_smtp.Logins);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task A_reply_echoing_the_password_is_masked()
    {
        _smtp.Script(new FakeSmtpReply(SmtpStage.RcptTo, 550, $"5.1.1 unknown user, your password {Password} is fine"));

        var outcome = await Send(Settings(), to: ["trader@example.com"]);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "your password *** is fine");
        TransportAssert.NoSecret(outcome.Error, Password);
    }

    [Theory]
    [InlineData(SmtpStage.Greeting, 421, "4.3.2 Service not available, closing channel", DeliveryOutcomeKind.Transient)]
    [InlineData(SmtpStage.MailFrom, 451, "4.3.0 Local error in processing", DeliveryOutcomeKind.Transient)]
    [InlineData(SmtpStage.RcptTo, 450, "4.2.1 Mailbox busy", DeliveryOutcomeKind.Transient)]
    [InlineData(SmtpStage.RcptTo, 550, "5.1.1 User unknown", DeliveryOutcomeKind.Permanent)]
    [InlineData(SmtpStage.Data, 452, "4.3.1 Insufficient system storage", DeliveryOutcomeKind.Transient)]
    [InlineData(SmtpStage.Data, 554, "5.7.1 Message rejected as spam", DeliveryOutcomeKind.Permanent)]
    public async Task Reply_codes_4xx_are_transient_and_5xx_permanent(SmtpStage stage, int code, string text, DeliveryOutcomeKind kind)
    {
        _smtp.Script(new FakeSmtpReply(stage, code, text));

        var outcome = await Send(Settings(), to: ["trader@example.com"]);

        TransportAssert.Outcome(outcome, kind, $"SMTP {code}");
        TransportAssert.NoSecret(outcome.Error, Password);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_transient()
    {
        _smtp.Script(FakeSmtpReply.Stall(SmtpStage.Greeting, TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        var outcome = await Send(Settings() with { Timeout = TimeSpan.FromMilliseconds(500) });

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "no answer within 0.5 s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_names_no_password()
    {
        var port = _smtp.Port;
        await _smtp.DisposeAsync();

        var outcome = await Send(Settings() with { Port = port });

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Transient, "SMTP");
        TransportAssert.NoSecret(outcome.Error, Password);
    }

    [Fact]
    public async Task Starttls_required_from_a_server_without_it_is_permanent()
    {
        var outcome = await Send(Settings() with { UseStartTls = true });

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "SMTP");
        Assert.Empty(_smtp.Messages);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task A_malformed_recipient_is_permanent(string recipient)
    {
        var outcome = await Send(Settings(), to: recipient.Length == 0 ? [] : [recipient]);

        TransportAssert.Outcome(outcome, DeliveryOutcomeKind.Permanent, "not valid");
        Assert.Empty(_smtp.Commands);
    }

    private Task<DeliveryOutcome> Send(SmtpSettings settings, IReadOnlyList<string>? to = null) =>
        _transport.SendAsync(
            settings,
            "bot@example.com",
            to ?? ["trader@example.com", "desk@example.com"],
            "Order filled: BUY 0.0010 BTC/USD",
            "Price: 68900.0\r\nFee: 0.18 USD",
            CancellationToken.None);

    private SmtpSettings Settings() => new()
    {
        Host = _smtp.Host,
        Port = _smtp.Port,
        UseStartTls = false,
        Username = "bot@example.com",
        Password = Password,
        Timeout = TimeSpan.FromSeconds(10),
    };
}
