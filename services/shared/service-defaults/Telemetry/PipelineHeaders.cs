using System.Globalization;
using MassTransit;

namespace Trading.ServiceDefaults.Telemetry;

/// <summary>
/// The timing headers the outbox dispatcher puts on every message: when the producing transaction wrote it, and when the
/// chain it belongs to began. Consumers measure the latency of their hop and from the start of the chain with them.
/// </summary>
public static class PipelineHeaders
{
    public const string WrittenAt = "Trading-Written-At";
    public const string OriginAt = "Trading-Origin-At";

    public static void Set(SendHeaders headers, DateTimeOffset writtenAt, DateTimeOffset originAt)
    {
        headers.Set(WrittenAt, writtenAt.ToString("O", CultureInfo.InvariantCulture));
        headers.Set(OriginAt, originAt.ToString("O", CultureInfo.InvariantCulture));
    }

    public static DateTimeOffset? Get(Headers headers, string name) =>
        headers.Get<string>(name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;
}
