using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Tests.Delivery;

public sealed class ChannelRouteTests
{
    [Fact]
    public void Takes_every_event_by_default()
    {
        Assert.False(ChannelRoute.Everything.Takes(Notice("order-filled")));
    }

    [Fact]
    public void Each_event_is_on_silent_or_off_and_severity_has_a_floor()
    {
        var route = ChannelRoute.From(new SlackChannelOptions
        {
            Name = "desk",
            Silent = ["order-filled"],
            Off = ["signal-rejected"],
            MinSeverity = NoticeSeverity.Warning,
        });

        Assert.Null(route.Takes(Notice("position-closed")));
        Assert.True(route.Takes(Notice("order-filled", NoticeSeverity.Warning)));
        Assert.Null(route.Takes(Notice("signal-rejected", NoticeSeverity.Critical)));
        Assert.False(route.Takes(Notice("trading-halted", NoticeSeverity.Critical)));
    }

    [Fact]
    public void A_list_of_events_takes_only_those()
    {
        var route = ChannelRoute.From(new TelegramChannelOptions { Name = "phone", Events = ["signal-approved", "TRADING-HALTED"] });

        Assert.False(route.Takes(Notice("signal-approved")));
        Assert.False(route.Takes(Notice("trading-halted")));
        Assert.Null(route.Takes(Notice("order-filled")));
    }

    internal static Notice Notice(string eventName, NoticeSeverity severity = NoticeSeverity.Info) => new()
    {
        Event = eventName,
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        Text = eventName + " text",
        Json = "{}",
        Title = eventName,
        Severity = severity,
    };
}
