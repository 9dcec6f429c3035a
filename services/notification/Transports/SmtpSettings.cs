namespace Trading.Notification.Transports;

/// <summary>Where and how e-mail is submitted. <see cref="Password"/> is a secret: give it to the <see cref="SecretRedactor"/>.</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    /// <summary>587 (submission with STARTTLS) by default; 25 for a relay on the local network.</summary>
    public int Port { get; init; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before authenticating; a server that does not offer it fails permanently.</summary>
    public bool UseStartTls { get; init; } = true;

    /// <summary>Empty sends without authentication (a relay that trusts the network).</summary>
    public string Username { get; init; } = "";

    public string Password { get; init; } = "";

    /// <summary>How long the whole exchange (connect, authenticate, send) may take before it counts as transient.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
