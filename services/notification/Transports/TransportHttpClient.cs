namespace Trading.Notification.Transports;

/// <summary>
/// The named HttpClient every HTTP transport uses. Register it with <c>RemoveAllLoggers()</c>: the default
/// <c>System.Net.Http.HttpClient.*</c> loggers write the request URI, and Slack, Discord and Telegram carry their secret in the path.
/// No resilience handler either: one transport call is one HTTP attempt, and the delivery engine decides about retries.
/// </summary>
public static class TransportHttpClient
{
    public const string Name = "notification-transport";

    /// <summary>
    /// No redirects: following one would turn the POST into a GET or carry the payload and the token to a host nobody configured.
    /// Pooled connections are renewed so a chat API's DNS change is picked up.
    /// </summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
