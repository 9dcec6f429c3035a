namespace Trading.Notification.Telegram;

/// <summary>
/// The commands a Telegram chat may give, how a message text is read as one (<c>/cmd</c>, <c>/cmd@botname</c> in groups, arguments
/// after a space), and the help text.
/// </summary>
public static class TelegramCommands
{
    public const string Status = "status";
    public const string Positions = "positions";
    public const string Stats = "stats";
    public const string Stop = "stop";
    public const string Resume = "resume";
    public const string Close = "close";
    public const string Help = "help";

    /// <summary>Telegram's own convention: a new chat with a bot opens with <c>/start</c>; it gets the help text.</summary>
    public const string Start = "start";

    /// <summary>Each command with its arguments and what it does, in the order the help text lists them.</summary>
    public static IReadOnlyList<(string Name, string Arguments, string Description)> All { get; } =
    [
        (Status, "", "equity, drawdown, P&L today, open positions and halts"),
        (Positions, "", "the open positions, with their ids"),
        (Stats, "", "closed trades, win rate, profit factor and net P&L"),
        (Stop, "[reason]", "engage the kill switch: no new trades until /resume"),
        (Resume, "[reason]", "lift the kill switch (and a drawdown halt)"),
        (Close, "<position id> [reason]", "close one position at the market (the id as /positions shows it)"),
        (Help, "", "this list"),
    ];

    /// <summary>
    /// Reads <paramref name="text"/> as a command, or null when it is none: it must start with <c>/</c> and a known name; a
    /// <c>@botname</c> suffix must name this bot when <paramref name="botUsername"/> is known (in a group, <c>/status@OtherBot</c> is
    /// meant for another bot). Names are case-insensitive; an unknown name gives a command with that name, for the caller to refuse.
    /// </summary>
    public static TelegramCommand? Parse(string? text, string? botUsername)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = text.Trim();
        if (line.Length < 2 || line[0] != '/')
        {
            return null;
        }

        var end = line.IndexOfAny([' ', '\n', '\t', '\r']);
        var head = end < 0 ? line[1..] : line[1..end];
        var arguments = end < 0 ? "" : line[end..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var addressee = head[(at + 1)..];
            if (botUsername is not null && !string.Equals(addressee, botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            head = head[..at];
        }

        if (head.Length == 0 || !head.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return new TelegramCommand(head.ToLowerInvariant(), arguments);
    }

    public static bool IsKnown(string name) => name == Start || All.Any(c => c.Name == name);

    /// <summary>The help text, HTML for <c>parse_mode=HTML</c>.</summary>
    public static string HelpText()
    {
        var lines = All.Select(c =>
            $"/{c.Name}{(c.Arguments.Length > 0 ? " " + TelegramReplies.Html(c.Arguments) : "")} — {TelegramReplies.Html(c.Description)}");
        return "<b>Commands</b>\n" + string.Join('\n', lines);
    }
}
