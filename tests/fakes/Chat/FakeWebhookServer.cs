namespace Trading.FakeVenues.Chat;

/// <summary>
/// A generic JSON webhook receiver on loopback: <see cref="Url"/> (<c>/hooks/&lt;token&gt;</c>) answers 200 with an empty body, or
/// the scripted replies; any other path answers 404.
/// </summary>
public sealed class FakeWebhookServer : FakeChatServer
{
    private FakeWebhookServer(TimeProvider? time)
        : base(time)
    {
    }

    /// <summary>The webhook URL, with a random secret token as its last segment.</summary>
    public Uri Url { get; private set; } = null!;

    public static async Task<FakeWebhookServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeWebhookServer(time);
        await server.ListenAsync();
        server.Url = new Uri(server.BaseAddress, $"hooks/{RandomToken(32)}");
        return server;
    }

    private protected override ValueTask<FakeReply?> AnswerAsync(FakeChatRequest request, CancellationToken aborted) =>
        ValueTask.FromResult(request.Path == Url.AbsolutePath ? null : FakeReply.Of(404, "not found"));

    private protected override FakeReply Success(FakeChatRequest request) => FakeReply.Of(200);
}
