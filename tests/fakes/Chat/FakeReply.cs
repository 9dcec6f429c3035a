using System.Text.Json.Nodes;

namespace Trading.FakeVenues.Chat;

/// <summary>
/// One scripted answer of a fake chat server: status, headers and the exact raw body (null: none), sent after
/// <see cref="Delay"/> (longer than the client's timeout: the request times out; the server notices the client leaving).
/// </summary>
public sealed record FakeReply
{
    public required int Status { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; init; }

    public TimeSpan Delay { get; init; }

    public static FakeReply Of(int status, string? body = null, params (string Name, string Value)[] headers) => new()
    {
        Status = status,
        Body = body,
        Headers = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase),
    };

    public static FakeReply Json(int status, string body, params (string Name, string Value)[] headers) =>
        Of(status, body, [("Content-Type", "application/json"), .. headers]);

    /// <summary>
    /// A response descriptor of the fixtures (<c>{"status", "headers", "body"}</c>, the wrapper ours, <c>body</c> the raw body
    /// string), for example <c>slack/webhook.response.429-rate-limited.json</c>.
    /// </summary>
    public static FakeReply FromDescriptor(string relativePath)
    {
        var descriptor = JsonNode.Parse(NotifyFixtures.ReadText(relativePath))!.AsObject();
        return new FakeReply
        {
            Status = (int)descriptor["status"]!,
            Body = (string?)descriptor["body"],
            Headers = (descriptor["headers"]?.AsObject() ?? [])
                .ToDictionary(h => h.Key, h => (string)h.Value!, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>This reply, sent only after <paramref name="delay"/>.</summary>
    public FakeReply After(TimeSpan delay) => this with { Delay = delay };
}
