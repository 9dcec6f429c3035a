using System.Reflection;
using System.Text.RegularExpressions;
using Trading.Notification.Notifications;

namespace Trading.Notification.Tests.Notifications;

public sealed class NotificationEventsTests
{
    [Fact]
    public void All_lists_every_event_name_once()
    {
        var constants = typeof(NotificationEvents)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(14, constants.Count);
        Assert.Equal(constants.Order(StringComparer.Ordinal), NotificationEvents.All.Order(StringComparer.Ordinal));
        Assert.Equal(NotificationEvents.All.Count, NotificationEvents.All.Distinct().Count());
    }

    [Fact]
    public void Event_names_are_kebab_case()
    {
        Assert.All(NotificationEvents.All, name => Assert.Matches(new Regex("^[a-z]+(-[a-z]+)+$"), name));
    }

    [Fact]
    public void The_factory_makes_a_notice_of_every_event_with_a_title_fields_text_and_json()
    {
        var notices = NoticeSamples.All().ToList();

        Assert.Equal(NotificationEvents.All, notices.Select(n => n.Event));
        Assert.All(notices, notice =>
        {
            Assert.NotEmpty(notice.Title);
            Assert.NotEmpty(notice.Fields);
            Assert.DoesNotContain('\n', notice.Text);
            Assert.Equal(NoticeSamples.EventId, notice.EventId);
            using var json = System.Text.Json.JsonDocument.Parse(notice.Json);
            Assert.Equal(notice.Event, json.RootElement.GetProperty("event").GetString());
            Assert.Equal(NoticeSamples.EventId, json.RootElement.GetProperty("event_id").GetGuid());
        });
    }
}
