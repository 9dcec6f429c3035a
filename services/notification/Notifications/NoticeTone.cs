namespace Trading.Notification.Notifications;

/// <summary>The colour a notice is shown in.</summary>
public enum NoticeTone
{
    /// <summary>Nothing to colour: status, reports.</summary>
    Neutral,

    /// <summary>A long, a win, a resume, a feed recovered.</summary>
    Positive,

    /// <summary>A short, a loss.</summary>
    Negative,

    /// <summary>A halt, a feed down, a rejected signal.</summary>
    Alert,
}
