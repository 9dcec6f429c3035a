namespace Trading.Notification.Rendering;

/// <summary>How Telegram reads a message's formatting (the <c>parse_mode</c> of <c>sendMessage</c>).</summary>
public enum TelegramParseMode
{
    /// <summary><c>HTML</c>: tags such as &lt;b&gt;; &lt;, &gt; and &amp; in text are escaped as entities.</summary>
    Html,

    /// <summary><c>MarkdownV2</c>: *bold*; the 18 special characters and the backslash in text are escaped with a backslash.</summary>
    MarkdownV2,
}
