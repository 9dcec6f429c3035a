namespace Trading.ServiceDefaults.Messaging;

/// <summary>The broker named by an <c>amqp://user:password@host:port/vhost</c> connection string.</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static RabbitMqAddress Parse(string connectionString, string key)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException(
                $"Configuration key '{key}' must be an amqp:// or amqps:// URI such as amqp://user:password@localhost:5672/ (the value is not shown: it may hold a password).");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? 5671 : 5672) : uri.Port;
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            (ushort)port,
            virtualHost.Length == 0 ? "/" : virtualHost,
            credentials[0].Length == 0 ? "guest" : Uri.UnescapeDataString(credentials[0]),
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest",
            tls);
    }
}
