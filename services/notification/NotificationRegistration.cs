using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trading.Notification.Channels;
using Trading.Notification.Delivery;
using Trading.Notification.Persistence;

namespace Trading.Notification;

/// <summary>The service's own singletons.</summary>
public static class NotificationRegistration
{
    public static IHostApplicationBuilder AddNotification(this IHostApplicationBuilder builder)
    {
        // The default HttpClient logging writes the request URI, and a webhook URI may hold a secret token.
        builder.Services.AddHttpClient(WebhookChannel.HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(WebhookChannel.CreateHandler);
        builder.Services.AddSingleton<NotificationChannels>();
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddSingleton<NotificationMetrics>();
        return builder;
    }
}
