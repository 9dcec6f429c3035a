using System.Globalization;
using System.Text.Json.Nodes;

namespace Trading.FakeVenues.Chat;

/// <summary>
/// A Discord webhook on loopback: <see cref="Url"/> (<c>/api/webhooks/&lt;id&gt;/&lt;token&gt;</c>) answers 204 No Content as in
/// <c>discord/execute.response.204-no-content.json</c>, or 200 with the created message when asked <c>?wait=true</c>, or the
/// scripted replies (<see cref="Fixture"/> and <see cref="Error"/> read the fixtures). Any other path is a webhook Discord does not
/// know: 404 <c>{"message": "Unknown Webhook", "code": 10015}</c>; a body that is not JSON gets 400 (50109), one without content
/// or embeds 400 (50006), as Discord answers them; these refusals do not use up the script.
/// </summary>
public sealed class FakeDiscordServer : FakeChatServer
{
    private long _messageIds = 1_200_000_000_000_000_000;

    private FakeDiscordServer(TimeProvider? time)
        : base(time)
    {
    }

    /// <summary>The webhook URL; its last segment is the secret token.</summary>
    public Uri Url { get; private set; } = null!;

    public string WebhookId { get; private set; } = "";

    public static async Task<FakeDiscordServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeDiscordServer(time);
        await server.ListenAsync();
        server.WebhookId = "1" + string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + Random.Shared.Next(10))));
        server.Url = new Uri(server.BaseAddress, $"api/webhooks/{server.WebhookId}/{RandomToken(68)}");
        return server;
    }

    /// <summary>A response descriptor <c>discord/execute.response.&lt;name&gt;.json</c>, for example <c>429-user</c>.</summary>
    public static FakeReply Fixture(string name) => FakeReply.FromDescriptor($"discord/execute.response.{name}.json");

    /// <summary>The JSON error body <c>discord/error.&lt;name&gt;.json</c> with <paramref name="status"/>, for example (400, <c>400-invalid-form-body</c>).</summary>
    public static FakeReply Error(int status, string name) => FakeReply.Json(status, NotifyFixtures.ReadText($"discord/error.{name}.json"));

    private protected override ValueTask<FakeReply?> AnswerAsync(FakeChatRequest request, CancellationToken aborted) =>
        ValueTask.FromResult(Refusal(request));

    private FakeReply? Refusal(FakeChatRequest request)
    {
        if (request.Path != Url.AbsolutePath)
        {
            return FakeReply.Json(404, """{"message": "Unknown Webhook", "code": 10015}""");
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            return FakeReply.Json(400, """{"message": "The request body contains invalid JSON.", "code": 50109}""");
        }

        var empty = string.IsNullOrWhiteSpace((string?)payload["content"]) && payload["embeds"] is not JsonArray { Count: > 0 };
        return empty ? FakeReply.Json(400, """{"message": "Cannot send an empty message", "code": 50006}""") : null;
    }

    private protected override FakeReply Success(FakeChatRequest request)
    {
        if (!request.Query.Contains("wait=true", StringComparison.OrdinalIgnoreCase))
        {
            return Fixture("204-no-content");
        }

        // The created message, in the shape Discord answers ?wait=true with (the fields a client reads).
        var sent = request.Json();
        var message = new JsonObject
        {
            ["id"] = Interlocked.Increment(ref _messageIds).ToString(CultureInfo.InvariantCulture),
            ["type"] = 0,
            ["content"] = (string?)sent?["content"] ?? "",
            ["channel_id"] = "1100000000000000001",
            ["webhook_id"] = WebhookId,
            ["embeds"] = sent?["embeds"]?.DeepClone() ?? new JsonArray(),
            ["timestamp"] = Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture),
        };
        return FakeReply.Json(200, message.ToJsonString());
    }
}
