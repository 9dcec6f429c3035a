using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Trading.Notification.Notifications;

namespace Trading.Notification;

/// <summary>
/// Where notifications go (section <c>Notification</c>): the console, and any number of Slack, Discord, Telegram, generic webhook and
/// e-mail channels, each with its own routing; plus the periodic reports. Secrets (webhook URLs, bot tokens, SMTP passwords) are
/// never repeated in a validation message.
/// </summary>
public sealed partial class NotificationOptions : IValidatableObject
{
    public const string Section = "Notification";

    /// <summary>Write every notification as a line on the console log.</summary>
    public bool Console { get; set; } = true;

    public List<SlackChannelOptions> Slack { get; set; } = [];

    public List<DiscordChannelOptions> Discord { get; set; } = [];

    public List<TelegramChannelOptions> Telegram { get; set; } = [];

    /// <summary>Generic JSON webhooks.</summary>
    public List<WebhookChannelOptions> Webhooks { get; set; } = [];

    public List<EmailChannelOptions> Email { get; set; } = [];

    /// <summary>A status report (runtime, candles, signals, open positions, equity, P&amp;L today) every this long; 0 turns it off.</summary>
    public TimeSpan StatusReportInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Send a summary of each UTC day after midnight.</summary>
    public bool DailySummary { get; set; } = true;

    /// <summary>More notices than this waiting for one channel at once are folded into a digest; 0 never folds.</summary>
    [Range(0, 1000)]
    public int DigestAbove { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = new List<ValidationResult>();
        if (StatusReportInterval != TimeSpan.Zero && StatusReportInterval < TimeSpan.FromMinutes(1))
        {
            problems.Add(new ValidationResult("must be 0 (off) or at least 00:01:00.", [nameof(StatusReportInterval)]));
        }

        Check(problems, nameof(Slack), Slack, slack => Url(slack.WebhookUrl, nameof(SlackChannelOptions.WebhookUrl)));
        Check(problems, nameof(Discord), Discord, discord => Url(discord.WebhookUrl, nameof(DiscordChannelOptions.WebhookUrl)));
        Check(problems, nameof(Webhooks), Webhooks, webhook => Url(webhook.Url, nameof(WebhookChannelOptions.Url))
            .Concat(webhook.PerSecond is < 1 or > 100 ? [(nameof(WebhookChannelOptions.PerSecond), "must be between 1 and 100.")] : []));
        Check(problems, nameof(Telegram), Telegram, Telegram1);
        Check(problems, nameof(Email), Email, Email1);
        if (Telegram.Where(t => t.Commands).GroupBy(t => t.BotToken).Any(g => g.Count() > 1))
        {
            problems.Add(new ValidationResult("two Telegram channels with Commands share one bot token; a bot token may poll getUpdates once.", [nameof(Telegram)]));
        }

        return problems;
    }

    private static void Check<T>(List<ValidationResult> problems, string list, List<T> channels, Func<T, IEnumerable<(string Key, string Problem)>> own)
        where T : ChatChannelOptions
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            var prefix = $"{list}:{i}:";
            if (string.IsNullOrWhiteSpace(channel.Name))
            {
                problems.Add(new ValidationResult("is required: logs and the delivery log name the channel by it.", [prefix + nameof(ChatChannelOptions.Name)]));
            }
            else if (!names.Add(channel.Name))
            {
                problems.Add(new ValidationResult($"'{channel.Name}' is used twice in {list}; names must be unique.", [prefix + nameof(ChatChannelOptions.Name)]));
            }

            foreach (var (key, events) in new[] { (nameof(ChatChannelOptions.Events), channel.Events), (nameof(ChatChannelOptions.Silent), channel.Silent), (nameof(ChatChannelOptions.Off), channel.Off) })
            {
                var unknown = events.Where(e => !NotificationEvents.All.Contains(e, StringComparer.OrdinalIgnoreCase)).ToList();
                if (unknown.Count > 0)
                {
                    problems.Add(new ValidationResult(
                        $"unknown event {string.Join(", ", unknown.Select(e => $"'{e}'"))}; known events are {string.Join(", ", NotificationEvents.All)}.",
                        [prefix + key]));
                }
            }

            if (!Enum.IsDefined(channel.MinSeverity))
            {
                problems.Add(new ValidationResult("must be Info, Warning or Critical.", [prefix + nameof(ChatChannelOptions.MinSeverity)]));
            }

            if (channel.Timeout < TimeSpan.FromSeconds(1) || channel.Timeout > TimeSpan.FromMinutes(2))
            {
                problems.Add(new ValidationResult("must be between 00:00:01 and 00:02:00.", [prefix + nameof(ChatChannelOptions.Timeout)]));
            }

            problems.AddRange(own(channel).Select(p => new ValidationResult(p.Problem, [prefix + p.Key])));
        }
    }

    private static IEnumerable<(string, string)> Url(string value, string key)
    {
        // The message never repeats the value: a webhook URL holds its secret token.
        if (!(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return (key, "must be an absolute http:// or https:// URL (the value is not shown: it holds a secret).");
        }
    }

    private static IEnumerable<(string, string)> Telegram1(TelegramChannelOptions telegram)
    {
        if (!BotToken().IsMatch(telegram.BotToken))
        {
            yield return (nameof(TelegramChannelOptions.BotToken), "must be a bot token as BotFather gives it (digits, a colon, then letters); the value is not shown.");
        }

        if (!ChatId().IsMatch(telegram.ChatId))
        {
            yield return (nameof(TelegramChannelOptions.ChatId), $"'{telegram.ChatId}' is not a chat id (a number, negative for groups) or an @channelname.");
        }

        if (!(Uri.TryCreate(telegram.ApiBase, UriKind.Absolute, out var api) && api.Scheme is "http" or "https"))
        {
            yield return (nameof(TelegramChannelOptions.ApiBase), $"'{telegram.ApiBase}' is not an absolute http(s) URL.");
        }

        if (telegram.ParseMode is not ("Html" or "MarkdownV2"))
        {
            yield return (nameof(TelegramChannelOptions.ParseMode), $"'{telegram.ParseMode}' must be Html or MarkdownV2.");
        }
    }

    private static IEnumerable<(string, string)> Email1(EmailChannelOptions email)
    {
        if (string.IsNullOrWhiteSpace(email.Host))
        {
            yield return (nameof(EmailChannelOptions.Host), "is required.");
        }

        if (email.Port is < 1 or > 65535)
        {
            yield return (nameof(EmailChannelOptions.Port), "must be a TCP port.");
        }

        if (!email.From.Contains('@', StringComparison.Ordinal))
        {
            yield return (nameof(EmailChannelOptions.From), $"'{email.From}' is not an address.");
        }

        if (email.To.Length == 0 || email.To.Any(to => !to.Contains('@', StringComparison.Ordinal)))
        {
            yield return (nameof(EmailChannelOptions.To), "needs at least one address, each with an @.");
        }
    }

    [GeneratedRegex(@"^\d{3,}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex BotToken();

    [GeneratedRegex(@"^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,})$")]
    private static partial Regex ChatId();
}
