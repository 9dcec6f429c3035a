using System.Globalization;
using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Live;

/// <summary>
/// Decides which state changes of one venue connection become feed-status events. A venue that stays down reports
/// Connecting and Down on every backoff step, and each event may page a trader; so the first Connecting is published, the
/// Down or Stale that starts an outage is published once, the failed reconnect attempts after it are only counted, and the
/// Live that ends it says how long the venue was down and how many attempts it took.
/// </summary>
internal sealed class VenueStatusFilter
{
    private bool _everLive;
    private DateTimeOffset? _downSince;

    /// <summary>True from the Down or Stale that started an outage until the venue is Live again.</summary>
    public bool IsDown => _downSince is not null;

    /// <summary>Connection attempts in the current or last outage, the successful one included.</summary>
    public int Attempts { get; private set; }

    /// <summary>State changes of the current or last outage that were not published.</summary>
    public int Suppressed { get; private set; }

    /// <summary>How long the last outage lasted, once it has ended.</summary>
    public TimeSpan DownFor { get; private set; }

    /// <returns>The reason to publish the new state with, or null when it belongs to an outage already published.</returns>
    public string? Next(VenueConnectionState state, string reason, DateTimeOffset now)
    {
        switch (state)
        {
            case VenueConnectionState.Connecting when IsDown:
                Attempts++;
                Suppressed++;
                return null;
            case VenueConnectionState.Down or VenueConnectionState.Stale when IsDown:
                Suppressed++;
                return null;
            case VenueConnectionState.Down or VenueConnectionState.Stale:
                _downSince = now;
                Attempts = 0;
                Suppressed = 0;
                DownFor = TimeSpan.Zero;
                return reason;
            case VenueConnectionState.Live when IsDown:
                DownFor = now - _downSince!.Value;
                _downSince = null;
                var again = _everLive ? "live again after" : "live after being down for";
                _everLive = true;
                return $"{again} {Duration(DownFor)}, {Attempts} {(Attempts == 1 ? "attempt" : "attempts")}";
            case VenueConnectionState.Live:
                _everLive = true;
                return reason;
            default:
                return reason;
        }
    }

    private static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero);
        return seconds switch
        {
            < 120 => seconds.ToString(CultureInfo.InvariantCulture) + " s",
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds % 3600 / 60} min"),
        };
    }
}
