using System.Text.Json.Nodes;

namespace Trading.FakeVenues.Chat;

/// <summary>One request a fake chat server received, as sent, with the time it arrived on the server's clock.</summary>
public sealed record FakeChatRequest(
    string Method,
    string Path,
    string Query,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The body as JSON (throws when it is not JSON).</summary>
    public JsonObject Json() => JsonNode.Parse(Body)!.AsObject();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
