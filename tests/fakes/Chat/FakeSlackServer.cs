using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trading.FakeVenues.Chat;

/// <summary>
/// A Slack incoming webhook on loopback: <see cref="Url"/> (<c>/services/T…/B…/&lt;token&gt;</c>) answers 200 <c>ok</c> as in
/// <c>slack/webhook.response.200-ok.json</c>, or the scripted replies (<see cref="Fixture"/> reads Slack's documented failures).
/// Any other path is a webhook Slack does not know: 404 <c>no_service</c>; a body that is not a JSON object gets 400
/// <c>invalid_payload</c>, one with neither text nor blocks 400 <c>no_text</c>; these refusals do not use up the script.
/// </summary>
public sealed class FakeSlackServer : FakeChatServer
{
    private FakeSlackServer(TimeProvider? time)
        : base(time)
    {
    }

    /// <summary>The webhook URL, with a random secret token as its last segment.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The names <see cref="Fixture"/> knows: <c>200-ok</c>, <c>400-invalid_payload</c>, <c>429-rate-limited</c>, <c>500-rollup_error</c>…</summary>
    public static IReadOnlyList<string> FixtureNames =>
        [.. NotifyFixtures.Files("slack").Select(Path.GetFileName).OfType<string>()
            .Where(f => f.StartsWith("webhook.response.", StringComparison.Ordinal))
            .Select(f => f["webhook.response.".Length..^".json".Length])];

    public static async Task<FakeSlackServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeSlackServer(time);
        await server.ListenAsync();
        server.Url = new Uri(server.BaseAddress, $"services/T{RandomToken(8).ToUpperInvariant()}/B{RandomToken(10).ToUpperInvariant()}/{RandomToken(24)}");
        return server;
    }

    /// <summary>The response of <c>slack/webhook.response.&lt;name&gt;.json</c>, for example <c>404-channel_not_found</c>.</summary>
    public static FakeReply Fixture(string name) => FakeReply.FromDescriptor($"slack/webhook.response.{name}.json");

    private protected override ValueTask<FakeReply?> AnswerAsync(FakeChatRequest request, CancellationToken aborted) =>
        ValueTask.FromResult(Refusal(request));

    private FakeReply? Refusal(FakeChatRequest request)
    {
        if (request.Path != Url.AbsolutePath)
        {
            return FakeReply.Of(404, "no_service");
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            return FakeReply.Of(400, "invalid_payload");
        }

        return string.IsNullOrWhiteSpace((string?)payload["text"]) && payload["blocks"] is not JsonArray { Count: > 0 }
            ? FakeReply.Of(400, "no_text")
            : null;
    }

    private protected override FakeReply Success(FakeChatRequest request) => Fixture("200-ok");
}
