using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Deploy.Tests.Compose;

/// <summary>
/// The settings each service really reads, so that an environment variable in docker-compose.yml or .env.example that
/// no service binds (a dead or misspelt setting) is found here rather than ignored, or stopping a container at start.
/// A service's sections are the <c>AddSettings&lt;T&gt;</c> calls in its Program.cs, plus <c>Messaging</c> that every
/// service binds; a key under a section must be a property path of the section's options class.
/// </summary>
public static partial class ServiceSettings
{
    public static readonly IReadOnlyList<string> Services =
        ["market-data", "candle-builder", "signal", "risk", "execution", "notification"];

    /// <summary>The OpenTelemetry SDK's own environment variables that the services may be given.</summary>
    public static readonly IReadOnlySet<string> OpenTelemetryVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME",
        "OTEL_RESOURCE_ATTRIBUTES", "OTEL_METRIC_EXPORT_INTERVAL", "OTEL_BSP_SCHEDULE_DELAY",
    };

    /// <summary>Read by the ASP.NET Core and .NET hosts, not by an options class.</summary>
    public static readonly IReadOnlySet<string> HostVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    };

    /// <summary>The connection strings the services read (<c>ResourceNames</c>).</summary>
    public static readonly IReadOnlySet<string> ConnectionStrings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ConnectionStrings:" + Trading.ServiceDefaults.ResourceNames.Postgres,
        "ConnectionStrings:" + Trading.ServiceDefaults.ResourceNames.RabbitMq,
    };

    private static readonly IReadOnlyDictionary<string, Assembly> Assemblies = new Dictionary<string, Assembly>
    {
        ["market-data"] = typeof(Trading.MarketData.MarketDataOptions).Assembly,
        ["candle-builder"] = typeof(Trading.CandleBuilder.CandleBuilderOptions).Assembly,
        ["signal"] = typeof(Trading.Signal.SignalOptions).Assembly,
        ["risk"] = typeof(Trading.Risk.RiskOptions).Assembly,
        ["execution"] = typeof(Trading.Execution.ExecutionOptions).Assembly,
        ["notification"] = typeof(Trading.Notification.NotificationOptions).Assembly,
    };

    /// <summary>
    /// The keys among <paramref name="environmentKeys"/> that <paramref name="service"/> does not read. Keys are in the
    /// binder's form: <c>Risk__Operator__Token</c> is the configuration path <c>Risk:Operator:Token</c>, list items are
    /// numbered (<c>Notification__Slack__0__Name</c>). The unknown keys come in the order given.
    /// </summary>
    public static IReadOnlyList<string> Unknown(string service, IEnumerable<string> environmentKeys)
    {
        var keys = environmentKeys.ToList();
        var sections = Sections(service);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var underSections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            if (OpenTelemetryVariables.Contains(key) || HostVariables.Contains(key))
            {
                continue;
            }

            var path = key.Replace("__", ":", StringComparison.Ordinal);
            var root = path.Split(':')[0];
            if (root.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
            {
                if (!ConnectionStrings.Contains(path))
                {
                    unknown.Add(key);
                }
            }
            else if (root.Equals("Logging", StringComparison.OrdinalIgnoreCase) && path.Contains(':', StringComparison.Ordinal))
            {
                // The logging providers read any category under Logging.
            }
            else if (sections.ContainsKey(root) && path.Contains(':', StringComparison.Ordinal))
            {
                underSections[path] = key;
            }
            else
            {
                unknown.Add(key);
            }
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(underSections.Keys.Select(path => new KeyValuePair<string, string?>(path, "value")))
            .Build();
        foreach (var (section, optionsType) in sections)
        {
            // The check names the first unknown segment (Risk:Nope for Risk:Nope:Deeper); report every key below it.
            foreach (var unknownPath in ConfigurationKeyCheck.UnknownKeys(configuration.GetSection(section), optionsType))
            {
                unknown.UnionWith(underSections
                    .Where(pair => pair.Key.Equals(unknownPath, StringComparison.OrdinalIgnoreCase)
                        || pair.Key.StartsWith(unknownPath + ":", StringComparison.OrdinalIgnoreCase))
                    .Select(pair => pair.Value));
            }
        }

        return [.. keys.Where(unknown.Contains).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The configuration sections <paramref name="service"/> binds and the options class of each.</summary>
    public static IReadOnlyDictionary<string, Type> Sections(string service)
    {
        if (!Assemblies.TryGetValue(service, out var assembly))
        {
            throw new ArgumentException($"Unknown service '{service}'; the services are {string.Join(", ", Services)}.", nameof(service));
        }

        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            [MessagingOptions.Section] = typeof(MessagingOptions),
        };
        var program = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "services", service, "Program.cs"));
        foreach (Match call in AddSettingsCall().Matches(program))
        {
            var typeName = call.Groups["type"].Value;
            var type = assembly.GetTypes().SingleOrDefault(candidate => candidate.Name == typeName)
                ?? throw new InvalidOperationException($"services/{service}/Program.cs binds {typeName}, which is not a type of {assembly.GetName().Name}.");
            sections[SectionName(call.Groups["section"].Value, type)] = type;
        }

        return sections;
    }

    /// <summary>The services that bind the section <paramref name="root"/>; every service for the shared roots.</summary>
    public static IReadOnlyList<string> ServicesReading(string root) =>
        root.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase) || root.Equals("Logging", StringComparison.OrdinalIgnoreCase)
            ? Services
            : [.. Services.Where(service => Sections(service).ContainsKey(root))];

    // The argument is either the options class's Section constant or a string literal.
    private static string SectionName(string argument, Type type)
    {
        if (argument.StartsWith('"'))
        {
            return argument.Trim('"');
        }

        var field = type.GetField("Section", BindingFlags.Public | BindingFlags.Static);
        return argument == $"{type.Name}.Section" && field?.GetRawConstantValue() is string section
            ? section
            : throw new InvalidOperationException($"Cannot read the section of AddSettings<{type.Name}>({argument}).");
    }

    [GeneratedRegex("""AddSettings<(?<type>\w+)>\(\s*(?<section>"[^"]*"|[\w.]+)\s*\)""")]
    private static partial Regex AddSettingsCall();
}
