using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trading.Notification.Delivery;
using Trading.Notification.Persistence;
using Trading.Notification.Reports;
using Trading.Notification.Transports;

namespace Trading.Notification;

/// <summary>The service's own singletons: the channels, the delivery queue and its senders, the reports.</summary>
public static class NotificationRegistration
{
    public static IHostApplicationBuilder AddNotification(this IHostApplicationBuilder builder)
    {
        // The default HttpClient logging writes the request URI, and webhook URLs and bot tokens are secrets.
        builder.Services.AddHttpClient(TransportHttpClient.Name)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(TransportHttpClient.CreateHandler);
        builder.Services.AddSingleton(services => new SecretRedactor(ChannelFactory.Secrets(services.GetRequiredService<IOptions<NotificationOptions>>().Value)));
        builder.Services.AddSingleton(services => new ChannelCatalog(ChannelFactory.Build(
            services.GetRequiredService<IOptions<NotificationOptions>>().Value,
            services.GetRequiredService<IHttpClientFactory>(),
            services.GetRequiredService<SecretRedactor>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddSingleton<StatsStore>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<NotificationRouter>();
        builder.Services.AddSingleton<NotificationMetrics>();

        // The senders are registered before the reporter, so they stop after it and can still send the system-stopped notice.
        builder.Services.AddHostedService<DeliveryWorkers>();
        builder.Services.AddHostedService<Reporter>();
        return builder;
    }
}
