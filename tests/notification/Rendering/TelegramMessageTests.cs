using System.Text.Json;
using Trading.Notification.Notifications;
using Trading.Notification.Rendering;
using Trading.Notification.Tests.Notifications;

namespace Trading.Notification.Tests.Rendering;

public sealed class TelegramMessageTests
{
    private const string MarkdownV2Specials = "_*[]()~`>#+-=|{}.!";

    private static readonly Notice Small = new()
    {
        Event = "signal-generated",
        EventId = NoticeSamples.EventId,
        OccurredAt = NoticeSamples.At,
        Text = "LONG BTC/USD",
        Json = "{}",
        Title = "LONG BTC/USD 15m · ema-cross",
        Fields = [new("Entry", "105,420.5"), new("Stop", "105,300.1 (-0.11%)"), new("R:R", "2.0"), new("Reason", "EMA(9) > EMA(21) & rising")],
    };

    [Fact]
    public void Markdown_v2_escapes_every_special_character_and_the_backslash()
    {
        var escaped = TelegramMessage.EscapeMarkdownV2(@"_*[]()~`>#+-=|{}.!\");

        Assert.Equal(@"\_\*\[\]\(\)\~\`\>\#\+\-\=\|\{\}\.\!\\", escaped);
    }

    [Fact]
    public void Markdown_v2_leaves_other_characters_alone()
    {
        Assert.Equal(@"Price 1\.5 \(up\) \- ok\! 50% @ 3:00, é 🚀 ""q"" 'a' / & < $", TelegramMessage.EscapeMarkdownV2(@"Price 1.5 (up) - ok! 50% @ 3:00, é 🚀 ""q"" 'a' / & < $"));
    }

    [Fact]
    public void Html_escapes_angle_brackets_and_ampersands_only()
    {
        Assert.Equal("a &lt;b&gt; &amp;amp; c \"q\" _*.", TelegramMessage.EscapeHtml("a <b> &amp; c \"q\" _*."));
    }

    [Fact]
    public void Html_message_has_a_bold_title_and_one_line_per_field()
    {
        Assert.Equal(
            "<b>LONG BTC/USD 15m · ema-cross</b>\nEntry: 105,420.5\nStop: 105,300.1 (-0.11%)\nR:R: 2.0\nReason: EMA(9) &gt; EMA(21) &amp; rising",
            TelegramMessage.Render(Small, TelegramParseMode.Html));
    }

    [Fact]
    public void Markdown_v2_message_has_a_bold_title_and_one_escaped_line_per_field()
    {
        Assert.Equal(
            @"*LONG BTC/USD 15m · ema\-cross*" + "\n" +
            @"Entry: 105,420\.5" + "\n" +
            @"Stop: 105,300\.1 \(\-0\.11%\)" + "\n" +
            @"R:R: 2\.0" + "\n" +
            @"Reason: EMA\(9\) \> EMA\(21\) & rising",
            TelegramMessage.Render(Small, TelegramParseMode.MarkdownV2));
    }

    [Fact]
    public void A_notice_without_fields_shows_its_text_under_the_title()
    {
        Assert.Equal("<b>LONG BTC/USD 15m · ema-cross</b>\nLONG BTC/USD", TelegramMessage.Render(Small with { Fields = [] }, TelegramParseMode.Html));
        Assert.Equal("LONG BTC/USD", TelegramMessage.Render(Small with { Title = "", Fields = [] }, TelegramParseMode.Html));
    }

    [Theory]
    [InlineData(TelegramParseMode.Html)]
    [InlineData(TelegramParseMode.MarkdownV2)]
    public void Every_event_renders_validly_escaped_within_4096_characters(TelegramParseMode mode)
    {
        foreach (var notice in NoticeSamples.All())
        {
            var text = TelegramMessage.Render(notice, mode);

            Assert.InRange(text.Length, 1, TelegramMessage.MaxTextLength);
            AssertValid(text, mode);
        }
    }

    [Theory]
    [InlineData(TelegramParseMode.Html)]
    [InlineData(TelegramParseMode.MarkdownV2)]
    public void A_long_message_full_of_special_characters_is_cut_to_4096_and_stays_valid(TelegramParseMode mode)
    {
        var special = string.Concat(Enumerable.Repeat(MarkdownV2Specials + @"\<>&", 20));
        var notice = Small with
        {
            Title = special,
            Fields = [.. Enumerable.Range(1, 200).Select(i => new NoticeField($"F{i}.", special))],
        };

        var text = TelegramMessage.Render(notice, mode);

        Assert.InRange(text.Length, TelegramMessage.MaxTextLength - 40, TelegramMessage.MaxTextLength);
        Assert.EndsWith("…", text);
        AssertValid(text, mode);
    }

    [Fact]
    public void One_very_long_value_is_cut_to_4096()
    {
        var text = TelegramMessage.Render(Small with { Fields = [new("Reason", new string('.', 10_000))] }, TelegramParseMode.MarkdownV2);

        // An escaped dot takes two characters, so the cut may leave one character unused.
        Assert.InRange(text.Length, TelegramMessage.MaxTextLength - 1, TelegramMessage.MaxTextLength);
        Assert.EndsWith(@"\.…", text);
        AssertValid(text, TelegramParseMode.MarkdownV2);
    }

    [Fact]
    public void The_fixture_texts_are_what_our_escaping_produces()
    {
        var markdown = NotifyFixtureFiles.Read("telegram/sendMessage.request.markdownv2.json").GetProperty("text").GetString();
        var html = NotifyFixtureFiles.Read("telegram/sendMessage.request.html.json").GetProperty("text").GetString();

        Assert.Equal(
            "*" + TelegramMessage.EscapeMarkdownV2("Order filled") + "*\n" + TelegramMessage.EscapeMarkdownV2("BUY 0.0010 ") + "`BTC-USD`" +
            TelegramMessage.EscapeMarkdownV2(" @ 68,900.00 (limit) - fee 0.18 USD!"),
            markdown);
        Assert.Equal(
            "<b>" + TelegramMessage.EscapeHtml("Order filled") + "</b>\n" + TelegramMessage.EscapeHtml("BUY 0.0010 ") + "<code>BTC-USD</code>" +
            TelegramMessage.EscapeHtml(" @ 68,900.00 <limit>"),
            html);
    }

    [Theory]
    [InlineData("sendMessage.request.html.json", TelegramParseMode.Html)]
    [InlineData("sendMessage.request.markdownv2.json", TelegramParseMode.MarkdownV2)]
    public void Rendered_text_has_the_shape_of_the_fixture_request_text(string fixture, TelegramParseMode mode)
    {
        var expected = NotifyFixtureFiles.Read("telegram/" + fixture);
        var notice = Small with { Title = "Order filled", Fields = [], Text = "BUY 0.0010 BTC-USD @ 68,900.00 (limit)" };

        var lines = TelegramMessage.Render(notice, mode).Split('\n');

        Assert.Equal(JsonValueKind.String, expected.GetProperty("text").ValueKind);
        Assert.Equal(mode == TelegramParseMode.Html ? "HTML" : "MarkdownV2", expected.GetProperty("parse_mode").GetString());
        Assert.Equal(expected.GetProperty("text").GetString()!.Split('\n')[0], lines[0]);
        Assert.Equal(
            mode == TelegramParseMode.Html ? "BUY 0.0010 BTC-USD @ 68,900.00 (limit)" : @"BUY 0\.0010 BTC\-USD @ 68,900\.00 \(limit\)",
            lines[1]);
    }

    // Outside the markup we add (the bold title), MarkdownV2 text may hold a special character only after a backslash, and a backslash
    // only before a special character; HTML text may hold no angle bracket, and an ampersand only as the start of an entity.
    private static void AssertValid(string text, TelegramParseMode mode)
    {
        var lines = text.Split('\n');
        var title = lines[0];
        if (mode == TelegramParseMode.Html)
        {
            Assert.StartsWith("<b>", title);
            Assert.EndsWith("</b>", title);
            lines[0] = title[3..^4];
            foreach (var line in lines)
            {
                Assert.DoesNotContain('<', line);
                Assert.DoesNotContain('>', line);
                for (var i = line.IndexOf('&'); i >= 0; i = line.IndexOf('&', i + 1))
                {
                    Assert.True(line[i..].StartsWith("&lt;") || line[i..].StartsWith("&gt;") || line[i..].StartsWith("&amp;"), line);
                }
            }

            return;
        }

        Assert.StartsWith("*", title);
        Assert.EndsWith("*", title);
        lines[0] = title[1..^1];
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '\\')
                {
                    Assert.True(i + 1 < line.Length && (MarkdownV2Specials + "\\").Contains(line[i + 1]), $"dangling backslash in {line}");
                    i++;
                }
                else
                {
                    Assert.False(MarkdownV2Specials.Contains(line[i]), $"unescaped '{line[i]}' in {line}");
                }
            }
        }
    }
}
