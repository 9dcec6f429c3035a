namespace Trading.Notification;

/// <summary>E-mail over SMTP (items of <c>Notification:Email</c>), optional.</summary>
public sealed class EmailChannelOptions : ChatChannelOptions
{
    /// <summary>The SMTP server.</summary>
    public string Host { get; set; } = "";

    /// <summary>Its port: 587 for submission with STARTTLS, 25 for plain relay.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before authenticating.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Login; empty sends without authentication.</summary>
    public string Username { get; set; } = "";

    /// <summary>Password. A secret: never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>Sender address.</summary>
    public string From { get; set; } = "";

    /// <summary>Recipients.</summary>
    public string[] To { get; set; } = [];
}
