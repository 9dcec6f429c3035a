using Trading.Notification.Telegram;

namespace Trading.Notification.Tests.Telegram;

public sealed class TelegramCommandsTests
{
    [Theory]
    [InlineData("/status", "status", "")]
    [InlineData("  /STATUS  ", "status", "")]
    [InlineData("/close 1a2b3c4d stop hit by hand", "close", "1a2b3c4d stop hit by hand")]
    [InlineData("/stop@TradingDeskBot  news in 5 minutes ", "stop", "news in 5 minutes")]
    [InlineData("/resume@tradingdeskbot", "resume", "")]
    [InlineData("/close\n1a2b", "close", "1a2b")]
    [InlineData("/frobnicate now", "frobnicate", "now")]
    public void Reads_a_command_name_and_its_arguments(string text, string name, string arguments)
    {
        var command = TelegramCommands.Parse(text, "TradingDeskBot");

        Assert.Equal(new TelegramCommand(name, arguments), command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("status")]
    [InlineData("hello /status")]
    [InlineData("/")]
    [InlineData("/@TradingDeskBot")]
    [InlineData("/sta-tus")]
    [InlineData("/status@OtherBot")]
    public void Text_that_is_no_command_for_this_bot_is_none(string? text)
    {
        var command = TelegramCommands.Parse(text, "TradingDeskBot");

        Assert.Null(command);
    }

    [Fact]
    public void Without_a_known_bot_name_any_mention_is_accepted()
    {
        var command = TelegramCommands.Parse("/status@AnyBot", botUsername: null);

        Assert.Equal(new TelegramCommand("status", ""), command);
    }

    [Fact]
    public void Help_lists_every_command_once_with_its_arguments_escaped()
    {
        var help = TelegramCommands.HelpText();

        foreach (var name in new[] { "status", "positions", "stats", "stop", "resume", "close", "help" })
        {
            Assert.Single(help.Split('\n'), line => line.StartsWith("/" + name + " ", StringComparison.Ordinal));
        }

        Assert.Contains("/close &lt;position id&gt; [reason]", help);
        Assert.DoesNotContain("<position id>", help);
        Assert.True(TelegramCommands.IsKnown("start"));
        Assert.False(TelegramCommands.IsKnown("frobnicate"));
    }
}
