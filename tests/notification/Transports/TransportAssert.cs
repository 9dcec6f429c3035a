using Trading.Notification.Delivery;

namespace Trading.Notification.Tests.Transports;

internal static class TransportAssert
{
    public static void Outcome(DeliveryOutcome outcome, DeliveryOutcomeKind kind, string? errorContains = null)
    {
        Assert.True(outcome.Kind == kind, $"expected {kind}, got {outcome.Kind}: {outcome.Error}");
        if (kind == DeliveryOutcomeKind.Delivered)
        {
            Assert.Null(outcome.Error);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
        }

        if (errorContains is not null)
        {
            Assert.Contains(errorContains, outcome.Error);
        }
    }

    public static void NoSecret(string? text, params string[] secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            Assert.DoesNotContain(secret, text ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }
}
