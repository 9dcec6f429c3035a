using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.Notification.Transports;

namespace Trading.Notification.Telegram;

/// <summary>Telegram commands: the poller of each <c>Notification:Telegram</c> channel with <c>Commands = true</c>, and what it uses.</summary>
public static class TelegramRegistration
{
    /// <summary>The HttpClient of the command poller; no loggers, because the bot token is part of every request path.</summary>
    public const string HttpClientName = "telegram-commands";

    public static IHostApplicationBuilder AddTelegramCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(TransportHttpClient.CreateHandler)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton(services => new TelegramCommandChannels(
            [.. services.GetRequiredService<IOptions<NotificationOptions>>().Value.Telegram.Where(t => t.Commands).Select(TelegramCommandSettings.From)],
            services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<TelegramOffsetStore>();
        builder.Services.AddSingleton<TelegramCommandHandler>();
        builder.Services.AddHostedService<TelegramCommandPoller>();
        return builder;
    }
}
