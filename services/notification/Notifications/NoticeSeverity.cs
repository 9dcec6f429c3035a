namespace Trading.Notification.Notifications;

/// <summary>How urgent a notice is, in order; a channel may take only those at or above a minimum.</summary>
public enum NoticeSeverity
{
    /// <summary>Routine: reports, fills, closes, signals.</summary>
    Info,

    /// <summary>Worth a look: a rejected signal, a feed down, live results outside the band.</summary>
    Warning,

    /// <summary>Act now: trading halted.</summary>
    Critical,
}
