using System.Text.Json;
using Trading.Notification.Notifications;
using Trading.Notification.Rendering;
using Trading.Notification.Tests.Notifications;

namespace Trading.Notification.Tests.Rendering;

public sealed class DiscordPayloadTests
{
    private static readonly Notice Small = new()
    {
        Event = "position-closed",
        EventId = NoticeSamples.EventId,
        OccurredAt = NoticeSamples.At.AddMilliseconds(250),
        Text = "CLOSED LONG 1 ETH/USD",
        Json = "{}",
        Title = "Position closed: LONG ETH/USD +84.66 (+1.69R)",
        Fields = [new("P&L (net)", "+84.66 USD"), new("Exit reason", "take_profit hit *twice*"), new("Reason", "  spaced  ", Inline: false)],
        Tone = NoticeTone.Positive,
    };

    [Fact]
    public void Renders_one_embed_with_colour_fields_footer_and_time_and_no_pings()
    {
        var json = DiscordPayload.Render(Small, silent: false);

        Assert.Equal(
            """
            {"embeds":[{"title":"Position closed: LONG ETH/USD +84.66 (+1.69R)","color":5763719,"fields":[{"name":"P&L (net)","value":"+84.66 USD","inline":true},{"name":"Exit reason","value":"take\\_profit hit \\*twice\\*","inline":true},{"name":"Reason","value":"spaced","inline":false}],"footer":{"text":"position-closed"},"timestamp":"2025-01-06T12:34:00.250Z"}],"allowed_mentions":{"parse":[]}}
            """,
            json);
    }

    [Fact]
    public void Silent_notice_suppresses_the_push()
    {
        Assert.Equal(DiscordPayload.SuppressNotifications, Parse(DiscordPayload.Render(Small, silent: true)).GetProperty("flags").GetInt32());
        Assert.Equal(4096, DiscordPayload.SuppressNotifications);
        Assert.False(Parse(DiscordPayload.Render(Small, silent: false)).TryGetProperty("flags", out _));
    }

    [Theory]
    [InlineData(NoticeTone.Positive, 0x57F287)]
    [InlineData(NoticeTone.Negative, 0xED4245)]
    [InlineData(NoticeTone.Alert, 0xFEE75C)]
    [InlineData(NoticeTone.Neutral, 0x5865F2)]
    public void Colour_follows_the_tone(NoticeTone tone, int colour)
    {
        var embed = Parse(DiscordPayload.Render(Small with { Tone = tone }, silent: false)).GetProperty("embeds")[0];

        Assert.Equal(colour, embed.GetProperty("color").GetInt32());
    }

    [Fact]
    public void Every_event_renders_within_the_embed_limits()
    {
        foreach (var notice in NoticeSamples.All())
        {
            AssertWithinLimits(DiscordPayload.Render(notice, silent: false));
        }
    }

    [Fact]
    public void Long_texts_are_cut_to_each_limit_and_the_total_stays_within_6000_by_dropping_fields_from_the_end()
    {
        var notice = Small with
        {
            Title = new string('T', 400),
            Fields = [.. Enumerable.Range(1, 40).Select(i => new NoticeField($"Field {i} " + new string('n', 300), new string('v', 2_000)))],
        };

        var embed = Parse(DiscordPayload.Render(notice, silent: false)).GetProperty("embeds")[0];

        AssertWithinLimits(embed.GetRawText(), embedOnly: true);
        Assert.Equal(256, embed.GetProperty("title").GetString()!.Length);
        var fields = embed.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal("Field 1 " + new string('n', 247) + "…", fields[0].GetProperty("name").GetString());
        Assert.Equal(new string('v', 1_023) + "…", fields[0].GetProperty("value").GetString());
        Assert.Equal("…", fields[^1].GetProperty("name").GetString());
        Assert.Equal(5, fields.Count);
        Assert.Equal("36 more fields not shown", fields[^1].GetProperty("value").GetString());
        Assert.All(fields.SkipLast(1).Select((f, k) => (f, k)), x => Assert.StartsWith($"Field {x.k + 1} ", x.f.GetProperty("name").GetString()));
    }

    [Fact]
    public void More_than_25_short_fields_keep_24_and_count_the_rest()
    {
        var notice = Small with { Fields = [.. Enumerable.Range(1, 30).Select(i => new NoticeField($"F{i}", "x"))] };

        var fields = Parse(DiscordPayload.Render(notice, silent: false)).GetProperty("embeds")[0].GetProperty("fields").EnumerateArray().ToList();

        Assert.Equal(25, fields.Count);
        Assert.Equal("F24", fields[23].GetProperty("name").GetString());
        Assert.Equal("6 more fields not shown", fields[24].GetProperty("value").GetString());
    }

    [Fact]
    public void A_notice_without_fields_reads_its_text_in_the_description()
    {
        var embed = Parse(DiscordPayload.Render(Small with { Fields = [], Text = new string('d', 5_000) }, silent: false)).GetProperty("embeds")[0];

        Assert.Equal(new string('d', 4_095) + "…", embed.GetProperty("description").GetString());
        AssertWithinLimits(embed.GetRawText(), embedOnly: true);
    }

    [Fact]
    public void A_notice_without_a_title_is_plain_content_of_at_most_2000_characters()
    {
        var payload = Parse(DiscordPayload.Render(Small with { Title = "", Text = "@everyone " + new string('c', 3_000) }, silent: false));

        var content = payload.GetProperty("content").GetString()!;
        Assert.Equal(2_000, content.Length);
        Assert.StartsWith("@everyone ccc", content);
        Assert.EndsWith("…", content);
        Assert.False(payload.TryGetProperty("embeds", out _));
        Assert.Equal(0, payload.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public void Empty_values_are_replaced_because_discord_refuses_them()
    {
        var field = Parse(DiscordPayload.Render(Small with { Fields = [new("Note", "   ")] }, silent: false))
            .GetProperty("embeds")[0].GetProperty("fields")[0];

        Assert.Equal("—", field.GetProperty("value").GetString());
    }

    [Fact]
    public void Markdown_characters_are_escaped()
    {
        Assert.Equal(@"a\*b\_c\~d\`e\|f\>g\#h\[i\]j\\k", DiscordPayload.EscapeMarkdown(@"a*b_c~d`e|f>g#h[i]j\k"));
    }

    [Fact]
    public void Has_the_shape_of_the_discord_fixture_request()
    {
        JsonShape.AssertSame(
            Parse(DiscordPayload.Render(Small, silent: true)),
            NotifyFixtureFiles.Read("discord/execute.request.json"),
            extras: ["$.flags"],
            optional: ["$.content", "$.username", "$.embeds[].description"]);
        JsonShape.AssertSame(
            Parse(DiscordPayload.Render(Small with { Title = "" }, silent: false)),
            NotifyFixtureFiles.Read("discord/execute.request.json"),
            extras: [],
            optional: ["$.embeds", "$.username"]);
    }

    private static void AssertWithinLimits(string json, bool embedOnly = false)
    {
        var payload = Parse(json);
        var embeds = embedOnly ? [payload] : payload.TryGetProperty("embeds", out var list) ? list.EnumerateArray().ToList() : [];
        if (!embedOnly)
        {
            Assert.Equal(0, payload.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
            Assert.True(embeds.Count == 1 || payload.GetProperty("content").GetString()!.Length <= DiscordPayload.MaxContent);
        }

        var total = 0;
        foreach (var embed in embeds)
        {
            total += Length(embed, "title", DiscordPayload.MaxTitle);
            total += Length(embed, "description", DiscordPayload.MaxDescription);
            total += Length(embed.GetProperty("footer"), "text", DiscordPayload.MaxFooter);
            if (embed.TryGetProperty("fields", out var fields))
            {
                Assert.InRange(fields.GetArrayLength(), 1, DiscordPayload.MaxFields);
                foreach (var field in fields.EnumerateArray())
                {
                    total += Length(field, "name", DiscordPayload.MaxFieldName);
                    total += Length(field, "value", DiscordPayload.MaxFieldValue);
                    Assert.NotEmpty(field.GetProperty("name").GetString()!.Trim());
                    Assert.NotEmpty(field.GetProperty("value").GetString()!.Trim());
                }
            }

            Assert.True(DateTimeOffset.TryParse(embed.GetProperty("timestamp").GetString(), out _));
        }

        Assert.InRange(total, 0, DiscordPayload.MaxEmbedTotal);
    }

    // Discord counts after trimming leading and trailing white space.
    private static int Length(JsonElement element, string name, int max)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        var length = value.GetString()!.Trim().Length;
        Assert.InRange(length, 0, max);
        return length;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
