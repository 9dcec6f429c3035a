using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trading.Notification.Channels;
using Trading.Notification.Notifications;

namespace Trading.Notification.Tests;

public sealed class NotificationChannelsTests
{
    [Fact]
    public void Sends_every_event_to_the_console_and_to_webhooks_without_a_filter()
    {
        var channels = Channels(new NotificationOptions { Webhooks = [Webhook("all")] });

        foreach (var eventName in NotificationEvents.All)
        {
            Assert.Equal(["console", "webhook:all"], channels.For(eventName).Select(c => c.Name));
        }
    }

    [Fact]
    public void Sends_a_webhook_only_the_events_it_lists()
    {
        var channels = Channels(new NotificationOptions
        {
            Console = false,
            Webhooks = [Webhook("trades", "order-filled", "Position-Closed"), Webhook("ops", "trading-halted")],
        });

        Assert.Equal(["webhook:trades"], channels.For(NotificationEvents.OrderFilled).Select(c => c.Name));
        Assert.Equal(["webhook:trades"], channels.For(NotificationEvents.PositionClosed).Select(c => c.Name));
        Assert.Equal(["webhook:ops"], channels.For(NotificationEvents.TradingHalted).Select(c => c.Name));
        Assert.Empty(channels.For(NotificationEvents.SignalGenerated));
    }

    [Fact]
    public void Console_can_be_switched_off()
    {
        Assert.Empty(Channels(new NotificationOptions { Console = false }).All);
    }

    private static WebhookChannelOptions Webhook(string name, params string[] events) =>
        new() { Name = name, Url = "https://hooks.example.com/" + name, Events = events };

    private static NotificationChannels Channels(NotificationOptions options)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookChannel.HttpClientName);
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new NotificationChannels(Options.Create(options), factory, TimeProvider.System, NullLoggerFactory.Instance);
    }
}
