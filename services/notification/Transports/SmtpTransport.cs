using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using Trading.Notification.Delivery;

namespace Trading.Notification.Transports;

/// <summary>
/// Sends one plain-text e-mail over SMTP, one attempt per call (System.Net.Mail's client: AUTH LOGIN, STARTTLS). The server's
/// reply code decides: 4xx (421 service unavailable, 450/451/452 try later) is transient, 5xx (550 mailbox unavailable, 554
/// rejected, 530 authentication required) is permanent; no answer within the timeout, a refused or broken connection are
/// transient; a server without STARTTLS when it is required, or a malformed address, permanent. System.Net.Mail goes on
/// without a login when AUTH is refused, so a failed login surfaces as the server's 530 to MAIL FROM (permanent), also when the
/// refusal was a temporary 454. Error texts are built from the reply code and the server's reply, redacted.
/// </summary>
public sealed class SmtpTransport(SecretRedactor redactor)
{
    public async Task<DeliveryOutcome> SendAsync(
        SmtpSettings settings, string from, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken)
    {
        MailMessage message;
        try
        {
            message = Message(from, to, subject, body);
        }
        catch (FormatException)
        {
            return DeliveryOutcome.Permanent(redactor.Redact($"an address is not valid (from '{from}', to '{string.Join(", ", to)}')"));
        }

        using (message)
        using (var client = Client(settings))
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(settings.Timeout);
            try
            {
                await client.SendMailAsync(message, deadline.Token);
                return DeliveryOutcome.Delivered;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SmtpException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return DeliveryOutcome.Transient($"SMTP: no answer within {HttpAttempt.Seconds(settings.Timeout)}");
            }
            catch (SmtpException ex)
            {
                return Classify(ex);
            }
        }
    }

    private static MailMessage Message(string from, IReadOnlyList<string> to, string subject, string body)
    {
        if (to.Count == 0)
        {
            throw new FormatException("No recipient.");
        }

        var message = new MailMessage
        {
            From = new MailAddress(from),
            Subject = subject,
            Body = body,
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        foreach (var address in to)
        {
            message.To.Add(new MailAddress(address));
        }

        return message;
    }

    private static SmtpClient Client(SmtpSettings settings)
    {
        var client = new SmtpClient(settings.Host, settings.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = settings.UseStartTls,
            UseDefaultCredentials = false,
            // The client's own timeout ends in a bare "operation has timed out"; ours (the deadline) fires first and reads clearer.
            Timeout = (int)Math.Clamp(settings.Timeout.TotalMilliseconds * 2, 1, int.MaxValue),
        };
        if (!string.IsNullOrEmpty(settings.Username))
        {
            client.Credentials = new NetworkCredential(settings.Username, settings.Password);
        }

        return client;
    }

    private DeliveryOutcome Classify(SmtpException ex)
    {
        var code = (int)ex.StatusCode;
        if (code is >= 400 and < 600)
        {
            // The message holds the server's reply text ("... The server response was: 5.1.1 unknown user"), never the host.
            var error = redactor.Redact($"SMTP {code} {ex.StatusCode}: {ex.Message}");
            return code < 500 ? DeliveryOutcome.Transient(error) : DeliveryOutcome.Permanent(error);
        }

        // No reply code: the connection failed, broke or timed out (transient), or the exchange could not go on (permanent).
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket:
                    return DeliveryOutcome.Transient($"SMTP: could not connect or the connection broke ({socket.SocketErrorCode})");
                case IOException or TimeoutException:
                    return DeliveryOutcome.Transient($"SMTP: the connection broke ({inner.GetType().Name})");
            }
        }

        return DeliveryOutcome.Permanent(redactor.Redact($"SMTP: {ex.Message}"));
    }
}
