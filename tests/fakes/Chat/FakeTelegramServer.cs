using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Trading.FakeVenues.Chat;

/// <summary>
/// The Telegram Bot API on loopback for one bot (<see cref="Token"/>), at <see cref="ApiBase"/>: <c>/bot&lt;token&gt;/sendMessage</c>
/// answers the ok envelope of <c>telegram/sendMessage.response.ok.json</c> or the scripted replies (<see cref="Fixture"/> reads the
/// documented failures); <c>/bot&lt;token&gt;/getUpdates</c> long polls a queue of updates added with <see cref="AddMessage"/>:
/// updates below the request's <c>offset</c> are confirmed and forgotten, the rest come at once, and when none is waiting the
/// request waits up to its <c>timeout</c> seconds for one. A second concurrent getUpdates ends the first with 409 Conflict, as
/// Telegram does. Another token answers 401 Unauthorized, an unknown method 404 Not Found; method names are case-insensitive.
/// Parameters are read from a JSON body, a form body or the query string.
/// </summary>
public sealed class FakeTelegramServer : FakeChatServer
{
    private const string Conflict =
        """{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}""";

    private readonly ConcurrentQueue<FakeReply> _updatesScript = new();
    private readonly List<JsonObject> _updates = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _currentPoll;
    private long _nextUpdateId = 700_000_001;
    private long _nextMessageId = 1;

    private FakeTelegramServer(TimeProvider? time)
        : base(time)
    {
    }

    /// <summary>The API root the client is configured with (<c>http://127.0.0.1:port/</c>), in place of <c>https://api.telegram.org</c>.</summary>
    public Uri ApiBase => BaseAddress;

    /// <summary>The bot's token (<c>&lt;bot id&gt;:&lt;35 characters&gt;</c>, random per server), a secret.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The sendMessage requests received (every method's requests are in <see cref="FakeChatServer.Requests"/>).</summary>
    public IReadOnlyList<FakeChatRequest> SentMessages =>
        [.. Requests.Where(r => MethodOf(r.Path) is { } method && method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase))];

    /// <summary>Updates added and not yet confirmed by a later offset.</summary>
    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _updates.Count;
            }
        }
    }

    public static async Task<FakeTelegramServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeTelegramServer(time);
        await server.ListenAsync();
        server.Token = $"{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}:AA{RandomToken(33)}";
        return server;
    }

    /// <summary>
    /// A sendMessage response <c>telegram/sendMessage.response.&lt;name&gt;.json</c> (for example <c>400-chat-not-found</c>,
    /// <c>429</c>), with the HTTP status equal to its <c>error_code</c> (200 for <c>ok</c>), as Telegram answers.
    /// </summary>
    public static FakeReply Fixture(string name)
    {
        var body = NotifyFixtures.ReadText($"telegram/sendMessage.response.{name}.json");
        var status = JsonNode.Parse(body)!["error_code"] is { } code ? (int)code : 200;
        return FakeReply.Json(status, body);
    }

    /// <summary>The next getUpdates requests get these replies instead of updates (for example 401, 409, 502).</summary>
    public void ScriptGetUpdates(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _updatesScript.Enqueue(reply);
        }
    }

    /// <summary>
    /// Queues a new message update (the text of a command, for example <c>/status</c>) written in <paramref name="chatId"/> by
    /// <paramref name="fromUserId"/> (the chat's id when null: a private chat), and wakes a waiting long poll. Returns its update id.
    /// </summary>
    public long AddMessage(long chatId, string text, long? fromUserId = null, string username = "trader")
    {
        var userId = fromUserId ?? chatId;
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            var updateId = _nextUpdateId++;
            var message = new JsonObject
            {
                ["message_id"] = _nextMessageId++,
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Trader", ["username"] = username },
                ["chat"] = chatId < 0
                    ? new JsonObject { ["id"] = chatId, ["title"] = "Desk", ["type"] = "supergroup" }
                    : new JsonObject { ["id"] = chatId, ["first_name"] = "Trader", ["username"] = username, ["type"] = "private" },
                ["date"] = now,
                ["text"] = text,
            };
            if (text.StartsWith('/'))
            {
                var length = text.IndexOf(' ') is var space and >= 0 ? space : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }

            _updates.Add(new JsonObject { ["update_id"] = updateId, ["message"] = message });
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return updateId;
        }
    }

    private protected override async ValueTask<FakeReply?> AnswerAsync(FakeChatRequest request, CancellationToken aborted)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 2 || !segments[0].StartsWith("bot", StringComparison.Ordinal))
        {
            return NotFound();
        }

        if (segments[0] != "bot" + Token)
        {
            return Fixture("401-unauthorized");
        }

        return segments[1].ToUpperInvariant() switch
        {
            "SENDMESSAGE" => SendMessageRefusal(request),
            "GETUPDATES" => _updatesScript.TryDequeue(out var scripted) ? scripted : await GetUpdatesAsync(request, aborted),
            "GETME" => Ok(JsonNode.Parse(NotifyFixtures.ReadText("telegram/sendMessage.response.ok.json"))!["result"]!["from"]!.DeepClone()),
            _ => NotFound(),
        };
    }

    private protected override FakeReply Success(FakeChatRequest request) => Fixture("ok");

    private static FakeReply NotFound() => FakeReply.Json(404, """{"ok":false,"error_code":404,"description":"Not Found"}""");

    private static string? MethodOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var method] ? method : null;

    private static FakeReply? SendMessageRefusal(FakeChatRequest request)
    {
        var parameters = Parameters(request);
        if (!parameters.TryGetValue("chat_id", out var chatId) || chatId.Length == 0)
        {
            return FakeReply.Json(400, """{"ok":false,"error_code":400,"description":"Bad Request: chat_id is empty"}""");
        }

        return !parameters.TryGetValue("text", out var text) || text.Trim().Length == 0
            ? FakeReply.Json(400, """{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}""")
            : null;
    }

    private async Task<FakeReply> GetUpdatesAsync(FakeChatRequest request, CancellationToken aborted)
    {
        var parameters = Parameters(request);
        var offset = parameters.TryGetValue("offset", out var o) ? long.Parse(o, CultureInfo.InvariantCulture) : 0;
        var timeout = parameters.TryGetValue("timeout", out var t) ? TimeSpan.FromSeconds(double.Parse(t, CultureInfo.InvariantCulture)) : TimeSpan.Zero;

        using var poll = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        lock (_gate)
        {
            // Telegram allows one getUpdates per bot at a time: a newer request ends the older one with 409.
            _currentPoll?.Cancel();
            _currentPoll = poll;
        }

        var until = Time.GetUtcNow() + timeout;
        try
        {
            while (true)
            {
                Task arrived;
                lock (_gate)
                {
                    _updates.RemoveAll(u => (long)u["update_id"]! < offset);
                    if (_updates.Count > 0)
                    {
                        return Ok(new JsonArray([.. _updates.Take(100).Select(u => u.DeepClone())]));
                    }

                    arrived = _arrived.Task;
                }

                var left = until - Time.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return Ok(new JsonArray());
                }

                await Task.WhenAny(arrived, Task.Delay(left, poll.Token));
                poll.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return FakeReply.Json(409, Conflict);
        }
        finally
        {
            lock (_gate)
            {
                if (_currentPoll == poll)
                {
                    _currentPoll = null;
                }
            }
        }
    }

    private static FakeReply Ok(JsonNode result) =>
        FakeReply.Json(200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());

    /// <summary>The method's parameters as strings, from a JSON body, a form body or the query string.</summary>
    private static Dictionary<string, string> Parameters(FakeChatRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in QueryHelpers.ParseQuery(request.Query))
        {
            parameters[key] = value.ToString();
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && request.Body.Length > 0)
        {
            foreach (var (key, value) in JsonNode.Parse(request.Body)!.AsObject())
            {
                parameters[key] = value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? (string)scalar! : value?.ToJsonString() ?? "";
            }
        }
        else if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(request.Body))
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }
}
