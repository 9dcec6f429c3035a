using System.Text;

namespace Trading.Notification.Rendering;

/// <summary>
/// Cuts text to a chat API's limit, ending it with "…" rather than letting the API refuse the message. Lengths are UTF-16 code units
/// (<see cref="string.Length"/>), never fewer than the characters the APIs count, and a cut never splits a surrogate pair.
/// </summary>
public static class TextFit
{
    /// <summary>What marks a cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>The text itself when it fits in <paramref name="maxLength"/>, otherwise its longest prefix that fits with "…" after it.</summary>
    public static string Truncate(string text, int maxLength) => Fit(text, maxLength, static s => s);

    /// <summary>
    /// The escaped text when it fits in <paramref name="maxLength"/>; otherwise the escaped form of the longest prefix that fits with
    /// the escaped "…" after it, so an escape sequence or entity is never cut in half. <paramref name="escape"/> must escape character
    /// by character (as Telegram's, Slack's and Discord's escapes do). Trailing white space before the "…" is dropped.
    /// </summary>
    public static string Fit(string text, int maxLength, Func<string, string> escape)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var whole = escape(text);
        if (whole.Length <= maxLength)
        {
            return whole;
        }

        var ellipsis = escape(Ellipsis);
        var budget = maxLength - ellipsis.Length;
        if (budget < 0)
        {
            return "";
        }

        var fitted = new StringBuilder(maxLength);
        foreach (var rune in text.EnumerateRunes())
        {
            var piece = escape(rune.ToString());
            if (fitted.Length + piece.Length > budget)
            {
                break;
            }

            fitted.Append(piece);
        }

        while (fitted.Length > 0 && char.IsWhiteSpace(fitted[^1]))
        {
            fitted.Length--;
        }

        return fitted.Append(ellipsis).ToString();
    }

    /// <summary>The text on one line: every line break, tab or other control character becomes a space, runs of spaces one space.</summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var blank = char.IsControl(c) || char.IsWhiteSpace(c);
            if (!blank)
            {
                line.Append(c);
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        return line.ToString().TrimEnd();
    }
}
