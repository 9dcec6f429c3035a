using Trading.Notification.Notifications;
using Trading.Notification.Rendering;
using Trading.Notification.Tests.Notifications;

namespace Trading.Notification.Tests.Rendering;

public sealed class ConsoleLineTests
{
    [Fact]
    public void Is_the_text_prefixed_by_the_event()
    {
        var notice = NoticeSamples.All().Single(n => n.Event == NotificationEvents.OrderFilled);

        Assert.Equal("order-filled: FILLED BUY 0.0123 BTC/USDT @ 105,441.65 (fee 3.37, paper, opens position)", ConsoleLine.Render(notice));
    }

    [Fact]
    public void Stays_on_one_line()
    {
        var notice = NoticeSamples.All().First() with { Text = "first\nsecond\r\nthird" };

        Assert.Equal("signal-generated: first second third", ConsoleLine.Render(notice));
    }
}
