using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Trading.FakeVenues.Chat;

/// <summary>
/// A plain SMTP server (no TLS) on a free loopback port: greets with 220, answers EHLO advertising AUTH LOGIN and PLAIN, takes
/// MAIL FROM, RCPT TO and DATA, and records every accepted message (<see cref="Messages"/>), every command line
/// (<see cref="Commands"/>) and every login tried (<see cref="Logins"/>). With <see cref="RequireAuthentication"/> it refuses
/// wrong credentials with 535 and MAIL without login with 530. <see cref="Script"/> makes a stage answer otherwise (421 closes
/// the connection), or stall.
/// </summary>
public sealed partial class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FakeSmtpMessage> _messages = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<(string Username, string Password)> _logins = new();
    private readonly List<FakeSmtpReply> _script = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Task _accepting;
    private (string Username, string Password)? _credentials;
    private bool _disposed;

    private FakeSmtpServer(TimeProvider time)
    {
        _time = time;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public IReadOnlyList<FakeSmtpMessage> Messages => [.. _messages];

    /// <summary>Every command line received, in order, AUTH continuation lines excepted.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Every username and password a client authenticated with, right or wrong.</summary>
    public IReadOnlyList<(string Username, string Password)> Logins => [.. _logins];

    public static FakeSmtpServer Start(TimeProvider? time = null) => new(time ?? TimeProvider.System);

    /// <summary>From now on only these credentials log in (535 otherwise), and MAIL without a login gets 530.</summary>
    public void RequireAuthentication(string username, string password) => _credentials = (username, password);

    /// <summary>Each reply replaces the normal answer the next time a session reaches its stage.</summary>
    public void Script(params FakeSmtpReply[] replies)
    {
        lock (_gate)
        {
            _script.AddRange(replies);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await ServeAsync(client.GetStream(), _stopping.Token);
                    }
                    catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
                    {
                    }
                }
            });
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        var session = new Session();
        if (!await ReplyAsync(writer, SmtpStage.Greeting, 220, "fake.smtp ESMTP ready", cancellationToken))
        {
            return;
        }

        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            _commands.Enqueue(line);
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var argument = line.Length > verb.Length ? line[(verb.Length + 1)..].Trim() : "";
            var open = verb switch
            {
                "EHLO" => await WriteAsync(writer, $"250-fake.smtp greets {argument}", "250-AUTH LOGIN PLAIN", "250-8BITMIME", "250 SIZE 10485760"),
                "HELO" => await WriteAsync(writer, "250 fake.smtp"),
                "AUTH" => await AuthenticateAsync(reader, writer, argument, session, cancellationToken),
                "MAIL" => await MailFromAsync(writer, argument, session, cancellationToken),
                "RCPT" => await RcptToAsync(writer, argument, session, cancellationToken),
                "DATA" => await DataAsync(reader, writer, session, cancellationToken),
                "RSET" => session.Reset() && await WriteAsync(writer, "250 2.0.0 OK"),
                "NOOP" => await WriteAsync(writer, "250 2.0.0 OK"),
                "QUIT" => await WriteAsync(writer, "221 2.0.0 Bye") && false,
                _ => await WriteAsync(writer, "502 5.5.1 Command not implemented"),
            };
            if (!open)
            {
                return;
            }
        }
    }

    private async Task<bool> AuthenticateAsync(StreamReader reader, StreamWriter writer, string argument, Session session, CancellationToken cancellationToken)
    {
        var parts = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.Length > 0 ? parts[0].ToUpperInvariant() : "";
        var initial = parts.Length > 1 ? parts[1] : null;
        string username;
        string password;
        switch (mechanism)
        {
            case "LOGIN":
                if (initial is null)
                {
                    await WriteAsync(writer, "334 VXNlcm5hbWU6");
                    initial = await reader.ReadLineAsync(cancellationToken) ?? "";
                }

                username = Base64(initial);
                await WriteAsync(writer, "334 UGFzc3dvcmQ6");
                password = Base64(await reader.ReadLineAsync(cancellationToken) ?? "");
                break;
            case "PLAIN":
                if (initial is null)
                {
                    await WriteAsync(writer, "334 ");
                    initial = await reader.ReadLineAsync(cancellationToken) ?? "";
                }

                var fields = Base64(initial).Split('\0');
                username = fields.Length > 1 ? fields[1] : "";
                password = fields.Length > 2 ? fields[2] : "";
                break;
            default:
                return await WriteAsync(writer, "504 5.5.4 Unrecognized authentication type");
        }

        _logins.Enqueue((username, password));
        var right = _credentials is not { } required || (required.Username == username && required.Password == password);
        var accepted = await ReplyAsync(writer, SmtpStage.Auth, right ? 235 : 535,
            right ? "2.7.0 Authentication successful" : "5.7.8 Authentication credentials invalid", cancellationToken, out var code);
        if (code is >= 200 and < 300)
        {
            session.Username = username;
        }

        return accepted;
    }

    private async Task<bool> MailFromAsync(StreamWriter writer, string argument, Session session, CancellationToken cancellationToken)
    {
        if (_credentials is not null && session.Username.Length == 0)
        {
            return await WriteAsync(writer, "530 5.7.0 Authentication required");
        }

        var open = await ReplyAsync(writer, SmtpStage.MailFrom, 250, "2.1.0 Sender OK", cancellationToken, out var code);
        if (code is >= 200 and < 300)
        {
            session.MailFrom = Address(argument);
        }

        return open;
    }

    private async Task<bool> RcptToAsync(StreamWriter writer, string argument, Session session, CancellationToken cancellationToken)
    {
        if (session.MailFrom is null)
        {
            return await WriteAsync(writer, "503 5.5.1 Need MAIL first");
        }

        var open = await ReplyAsync(writer, SmtpStage.RcptTo, 250, "2.1.5 Recipient OK", cancellationToken, out var code);
        if (code is >= 200 and < 300)
        {
            session.RcptTo.Add(Address(argument));
        }

        return open;
    }

    private async Task<bool> DataAsync(StreamReader reader, StreamWriter writer, Session session, CancellationToken cancellationToken)
    {
        if (session.MailFrom is null || session.RcptTo.Count == 0)
        {
            return await WriteAsync(writer, "503 5.5.1 Need RCPT first");
        }

        await WriteAsync(writer, "354 Start mail input; end with <CRLF>.<CRLF>");
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        var open = await ReplyAsync(writer, SmtpStage.Data, 250, "2.0.0 OK queued", cancellationToken, out var code);
        if (code is >= 200 and < 300)
        {
            var (subject, body) = Decode(data.ToString());
            _messages.Enqueue(new FakeSmtpMessage(session.MailFrom, [.. session.RcptTo], session.Username, data.ToString(), subject, body, _time.GetUtcNow()));
        }

        session.Reset();
        return open;
    }

    /// <summary>Writes the scripted reply of <paramref name="stage"/>, else the normal one; false when the connection is to close.</summary>
    private Task<bool> ReplyAsync(StreamWriter writer, SmtpStage stage, int code, string text, CancellationToken cancellationToken) =>
        ReplyAsync(writer, stage, code, text, cancellationToken, out _);

    private Task<bool> ReplyAsync(StreamWriter writer, SmtpStage stage, int code, string text, CancellationToken cancellationToken, out int sent)
    {
        FakeSmtpReply? scripted;
        lock (_gate)
        {
            scripted = _script.FirstOrDefault(r => r.Stage == stage);
            if (scripted is not null)
            {
                _script.Remove(scripted);
            }
        }

        var reply = scripted is { Code: > 0 } ? scripted : new FakeSmtpReply(stage, code, text);
        sent = reply.Code;
        return WriteAfterAsync(writer, reply, scripted?.Delay ?? TimeSpan.Zero, cancellationToken);
    }

    private static async Task<bool> WriteAfterAsync(StreamWriter writer, FakeSmtpReply reply, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        await WriteAsync(writer, $"{reply.Code} {reply.Text}");
        return reply.Code != 421 && !(reply.Stage == SmtpStage.Greeting && reply.Code >= 400);
    }

    private static async Task<bool> WriteAsync(StreamWriter writer, params string[] lines)
    {
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line);
        }

        return true;
    }

    private static string Address(string argument) => AddressPattern().Match(argument) is { Success: true } match ? match.Groups[1].Value : argument;

    private static string Base64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    /// <summary>The subject (RFC 2047 words decoded) and the body (base64 or quoted-printable decoded) of a single-part message.</summary>
    private static (string Subject, string Body) Decode(string data)
    {
        var split = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? data : data[..split];
        var body = split < 0 ? "" : data[(split + 4)..];
        var headers = UnfoldPattern().Replace(head, " ").Split("\r\n")
            .Select(h => h.Split(':', 2))
            .Where(h => h.Length == 2)
            .GroupBy(h => h[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var subject = EncodedWordPattern().Replace(headers.GetValueOrDefault("Subject", ""), m => DecodeWord(m.Groups[2].Value, m.Groups[3].Value));
        var decoded = headers.GetValueOrDefault("Content-Transfer-Encoding", "").ToLowerInvariant() switch
        {
            "base64" => Base64(body.Replace("\r\n", "", StringComparison.Ordinal)),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
        return (subject, decoded.TrimEnd('\r', '\n'));
    }

    private static string DecodeWord(string encoding, string text) => encoding.ToUpperInvariant() == "B"
        ? Base64(text)
        : QuotedPrintable(text.Replace('_', ' '));

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var source = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '=' && i + 2 < source.Length && Uri.IsHexDigit(source[i + 1]) && Uri.IsHexDigit(source[i + 2]))
            {
                bytes.Add(Convert.ToByte(source.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(source[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex UnfoldPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWordPattern();

    private sealed class Session
    {
        public string Username { get; set; } = "";

        public string? MailFrom { get; set; }

        public List<string> RcptTo { get; } = [];

        public bool Reset()
        {
            MailFrom = null;
            RcptTo.Clear();
            return true;
        }
    }
}
