using System.ComponentModel.DataAnnotations;
using Trading.Notification.Notifications;

namespace Trading.Notification;

/// <summary>Where notifications go (section <c>Notification</c>).</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notification";

    /// <summary>Write every notification as a line on the console log.</summary>
    public bool Console { get; set; } = true;

    /// <summary>Generic JSON webhooks, any number, each with its own name, URL and event filter.</summary>
    public List<WebhookChannelOptions> Webhooks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Webhooks.Count; i++)
        {
            var webhook = Webhooks[i];
            var prefix = $"{nameof(Webhooks)}:{i}:";
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(webhook, new ValidationContext(webhook), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult(result.ErrorMessage, result.MemberNames.Select(m => prefix + m));
            }

            if (!string.IsNullOrWhiteSpace(webhook.Name) && !names.Add(webhook.Name))
            {
                yield return new ValidationResult($"webhook name '{webhook.Name}' is used twice; names must be unique.", [prefix + nameof(webhook.Name)]);
            }

            // The message never repeats the URL: it may carry a secret token.
            if (!string.IsNullOrWhiteSpace(webhook.Url)
                && !(Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                yield return new ValidationResult("must be an absolute http:// or https:// URL (the value is not shown: it may hold a secret).", [prefix + nameof(webhook.Url)]);
            }

            var unknown = webhook.Events.Where(e => !NotificationEvents.All.Contains(e, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                yield return new ValidationResult(
                    $"unknown event {string.Join(", ", unknown.Select(e => $"'{e}'"))}; known events are {string.Join(", ", NotificationEvents.All)}.",
                    [prefix + nameof(webhook.Events)]);
            }
        }
    }
}
