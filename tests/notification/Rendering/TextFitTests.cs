using Trading.Notification.Rendering;

namespace Trading.Notification.Tests.Rendering;

public sealed class TextFitTests
{
    [Fact]
    public void Text_that_fits_is_unchanged()
    {
        Assert.Equal("hello", TextFit.Truncate("hello", 5));
    }

    [Fact]
    public void Longer_text_is_cut_with_an_ellipsis_within_the_limit()
    {
        Assert.Equal("hell…", TextFit.Truncate("hello world", 5));
    }

    [Fact]
    public void White_space_before_the_ellipsis_is_dropped()
    {
        Assert.Equal("hello…", TextFit.Truncate("hello world", 7));
    }

    [Fact]
    public void A_surrogate_pair_is_never_split()
    {
        var text = "ab\U0001F680cd";

        var cut = TextFit.Truncate(text, 4);

        Assert.Equal("ab…", cut);
        Assert.False(char.IsHighSurrogate(cut[^2]));
    }

    [Fact]
    public void An_escape_sequence_is_never_cut_in_half()
    {
        static string Escape(string s) => s.Replace("&", "&amp;");

        Assert.Equal("a&amp;…", TextFit.Fit("a&&&&", 8, Escape));
        Assert.Equal("a…", TextFit.Fit("a&&&&", 6, Escape));
        Assert.Equal("a&amp;&amp;", TextFit.Fit("a&&", 11, Escape));
    }

    [Fact]
    public void One_line_turns_breaks_and_tabs_into_single_spaces()
    {
        Assert.Equal("a b c d", TextFit.OneLine("a\r\nb\t\tc\u0007 d\n"));
    }
}
