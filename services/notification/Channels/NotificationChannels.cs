using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Trading.Notification.Channels;

/// <summary>Every configured channel: the console (when on) and each webhook.</summary>
public sealed class NotificationChannels(
    IOptions<NotificationOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public IReadOnlyList<INotificationChannel> All { get; } = Build(options.Value, httpClientFactory, timeProvider, loggerFactory);

    public IEnumerable<INotificationChannel> For(string eventName) => All.Where(channel => channel.Wants(eventName));

    private static List<INotificationChannel> Build(
        NotificationOptions options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var channels = new List<INotificationChannel>();
        if (options.Console)
        {
            channels.Add(new ConsoleChannel(loggerFactory));
        }

        channels.AddRange(options.Webhooks.Select(webhook =>
            new WebhookChannel(webhook, httpClientFactory, timeProvider, loggerFactory.CreateLogger<WebhookChannel>())));
        return channels;
    }
}
