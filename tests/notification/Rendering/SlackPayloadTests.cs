using System.Text.Json;
using Trading.Notification.Notifications;
using Trading.Notification.Rendering;
using Trading.Notification.Tests.Notifications;

namespace Trading.Notification.Tests.Rendering;

public sealed class SlackPayloadTests
{
    private static readonly Notice Small = new()
    {
        Event = "order-filled",
        EventId = NoticeSamples.EventId,
        OccurredAt = NoticeSamples.At,
        Text = "FILLED BUY 1 BTC/USD @ 100 <limit> & more",
        Json = "{}",
        Title = "Order filled: BUY 1 BTC/USD @ 100",
        Fields = [new("Price", "100"), new("Fee", "0.1 USD"), new("Reason", "a < b & c", Inline: false)],
    };

    [Fact]
    public void Renders_header_field_sections_context_and_fallback_text()
    {
        var json = SlackPayload.Render(Small);

        Assert.Equal(
            """
            {"text":"FILLED BUY 1 BTC/USD @ 100 &lt;limit&gt; &amp; more","blocks":[{"type":"header","text":{"type":"plain_text","text":"Order filled: BUY 1 BTC/USD @ 100","emoji":true}},{"type":"section","fields":[{"type":"mrkdwn","text":"*Price*\n100"},{"type":"mrkdwn","text":"*Fee*\n0.1 USD"}]},{"type":"section","text":{"type":"mrkdwn","text":"*Reason*\na &lt; b &amp; c"}},{"type":"context","elements":[{"type":"mrkdwn","text":"2025-01-06 12:34 UTC · order-filled"}]}]}
            """,
            json);
    }

    [Fact]
    public void A_notice_without_title_or_fields_is_one_text_section()
    {
        var payload = Parse(SlackPayload.Render(Small with { Title = "", Fields = [] }));

        var blocks = payload.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["section", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("FILLED BUY 1 BTC/USD @ 100 &lt;limit&gt; &amp; more", blocks[0].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public void Every_event_renders_within_the_block_kit_limits()
    {
        foreach (var notice in NoticeSamples.All())
        {
            AssertWithinLimits(SlackPayload.Render(notice));
        }
    }

    [Fact]
    public void Sixty_long_inline_fields_fill_sections_of_ten_cut_to_2000_characters()
    {
        var notice = Small with { Title = new string('T', 300), Fields = [.. Enumerable.Range(1, 60).Select(i => new NoticeField($"Field {i}", new string('v', 5_000)))] };

        var payload = Parse(SlackPayload.Render(notice));

        AssertWithinLimits(payload.GetRawText());
        var blocks = payload.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(8, blocks.Count);
        var header = blocks[0].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Equal(150, header.Length);
        Assert.EndsWith("…", header);
        var fields = blocks.Where(b => b.TryGetProperty("fields", out _)).SelectMany(b => b.GetProperty("fields").EnumerateArray()).ToList();
        Assert.Equal(60, fields.Count);
        Assert.All(fields, f => Assert.Equal(2_000, f.GetProperty("text").GetString()!.Length));
        Assert.All(fields, f => Assert.EndsWith("…", f.GetProperty("text").GetString()));
    }

    [Fact]
    public void Sixty_long_fields_of_their_own_stay_within_fifty_blocks_and_count_the_rest()
    {
        var notice = Small with { Fields = [.. Enumerable.Range(1, 60).Select(i => new NoticeField($"Field {i}", new string('v', 5_000), Inline: false))] };

        var payload = Parse(SlackPayload.Render(notice));

        AssertWithinLimits(payload.GetRawText());
        var blocks = payload.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(50, blocks.Count);
        Assert.Equal("*Field 47*\n", blocks[47].GetProperty("text").GetProperty("text").GetString()![..11]);
        Assert.Equal("… 13 more fields not shown", blocks[48].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("context", blocks[49].GetProperty("type").GetString());
    }

    [Fact]
    public void Escaped_text_is_cut_without_breaking_an_entity()
    {
        var notice = Small with { Fields = [new NoticeField("Reason", new string('&', 2_000))] };

        var field = Parse(SlackPayload.Render(notice)).GetProperty("blocks")[1].GetProperty("fields")[0].GetProperty("text").GetString()!;

        Assert.True(field.Length <= SlackPayload.MaxFieldText);
        Assert.EndsWith("&amp;…", field);
    }

    [Fact]
    public void Has_the_shape_of_the_slack_fixture_requests()
    {
        var payload = Parse(SlackPayload.Render(Small));

        JsonShape.AssertSame(
            payload, NotifyFixtureFiles.Read("slack/webhook.request.blocks.json"), extras: [],
            optional: ["$.blocks[section].text", "$.blocks[section].fields"]);
        JsonShape.AssertSame(
            Parse(SlackPayload.Render(Small)), NotifyFixtureFiles.Read("slack/webhook.request.text.json"), extras: ["$.blocks"], optional: []);
    }

    private static void AssertWithinLimits(string json)
    {
        var payload = Parse(json);
        Assert.False(string.IsNullOrWhiteSpace(payload.GetProperty("text").GetString()));
        Assert.True(payload.GetProperty("text").GetString()!.Length <= SlackPayload.MaxFallbackText);
        var blocks = payload.GetProperty("blocks").EnumerateArray().ToList();
        Assert.InRange(blocks.Count, 1, SlackPayload.MaxBlocks);
        foreach (var block in blocks)
        {
            switch (block.GetProperty("type").GetString())
            {
                case "header":
                    Assert.Equal("plain_text", block.GetProperty("text").GetProperty("type").GetString());
                    Assert.InRange(block.GetProperty("text").GetProperty("text").GetString()!.Length, 1, SlackPayload.MaxHeaderText);
                    break;
                case "section":
                    var hasText = block.TryGetProperty("text", out var text);
                    var hasFields = block.TryGetProperty("fields", out var fields);
                    Assert.True(hasText || hasFields);
                    if (hasText)
                    {
                        Assert.InRange(text.GetProperty("text").GetString()!.Length, 1, SlackPayload.MaxSectionText);
                    }

                    if (hasFields)
                    {
                        Assert.InRange(fields.GetArrayLength(), 1, SlackPayload.MaxSectionFields);
                        Assert.All(fields.EnumerateArray(), f => Assert.InRange(f.GetProperty("text").GetString()!.Length, 1, SlackPayload.MaxFieldText));
                    }

                    break;
                case "context":
                    Assert.InRange(block.GetProperty("elements").GetArrayLength(), 1, 10);
                    break;
                default:
                    Assert.Fail($"unexpected block {block}");
                    break;
            }
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
