using System.Text.Json;
using Trading.Deploy.Tests.Compose;
using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Dashboards;

public sealed class DashboardTests
{
    // Grafana's own pseudo data sources, which need no provisioning.
    private static readonly HashSet<string> BuiltInDatasources = new(StringComparer.Ordinal) { "-- Grafana --", "-- Mixed --", "-- Dashboard --", "grafana" };

    public static TheoryData<string> Dashboards => [.. DashboardQueries.Files(RepositoryRoot.Path).Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Parses_with_a_title_a_uid_and_panels(string file)
    {
        using var dashboard = Load(file);
        var root = dashboard.RootElement;

        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.Matches("^[a-z0-9-]{1,40}$", root.GetProperty("uid").GetString());
        Assert.True(root.GetProperty("schemaVersion").GetInt32() >= 39);
        var panels = Panels(root.GetProperty("panels")).ToList();
        Assert.Contains(panels, panel => panel.GetProperty("type").GetString() != "row");
        Assert.Equal(panels.Count, panels.Select(panel => panel.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, panel => Assert.True(panel.TryGetProperty("gridPos", out _), $"{file}: panel '{panel.GetProperty("title")}' has no gridPos."));
    }

    [Fact]
    public void Every_dashboard_has_its_own_uid_and_the_four_are_there()
    {
        var dashboards = DashboardQueries.Files(RepositoryRoot.Path).Select(file => JsonDocument.Parse(File.ReadAllText(file))).ToList();

        var uids = dashboards.Select(dashboard => dashboard.RootElement.GetProperty("uid").GetString()).ToList();
        var titles = dashboards.Select(dashboard => dashboard.RootElement.GetProperty("title").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.Equal(["Feeds", "Notifications", "Pipeline", "Trading"], titles);
        dashboards.ForEach(dashboard => dashboard.Dispose());
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Every_data_source_it_names_is_provisioned_with_the_same_uid_and_type(string file)
    {
        using var dashboard = Load(file);
        var provisioned = ProvisionedDatasources();

        var named = DatasourceReferences(dashboard.RootElement).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, reference =>
        {
            Assert.True(reference.ValueKind == JsonValueKind.Object, $"{file}: data source {reference} is not named by uid.");
            var uid = reference.TryGetProperty("uid", out var u) ? u.GetString() : null;
            var type = reference.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (uid is not null && BuiltInDatasources.Contains(uid) || type is "datasource" or "grafana")
            {
                return;
            }

            Assert.True(uid is not null && provisioned.ContainsKey(uid), $"{file}: data source uid '{uid}' is not provisioned.");
            Assert.Equal(provisioned[uid!], type);
        });
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void Queries_only_metrics_of_the_services_and_the_broker(string file)
    {
        using var dashboard = Load(file);

        var expressions = DashboardQueries.Expressions(dashboard);
        var names = expressions.SelectMany(DashboardQueries.MetricNames).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(expressions);
        Assert.All(expressions, expression => Assert.NotEmpty(DashboardQueries.MetricNames(expression)));
        Assert.All(names, name => Assert.Matches("^(trading|rabbitmq)_[a-z0-9_]+$", name));
    }

    [Theory]
    [InlineData("pipeline.json", "trading_pipeline_hop_latency_bucket", "trading_pipeline_end_to_end_latency_bucket",
        "rabbitmq_queue_messages_ready", "trading_pipeline_consume_faults", "trading_marketdata_trades_published",
        "trading_candles_closed", "trading_signal_signals_generated", "trading_risk_decisions", "trading_execution_orders",
        "trading_execution_fills", "trading_notification_deliveries")]
    [InlineData("trading.json", "trading_risk_equity", "trading_risk_pnl_today", "trading_risk_positions_open", "trading_risk_drawdown",
        "trading_risk_halted", "trading_risk_strategy_win_rate", "trading_risk_strategy_profit_factor", "trading_risk_strategy_trades",
        "trading_risk_decisions", "trading_signal_signals_generated")]
    [InlineData("feeds.json", "trading_marketdata_feed_status", "trading_marketdata_reconnects", "trading_marketdata_gaps",
        "trading_marketdata_sequence_gaps", "trading_marketdata_last_trade_age", "trading_marketdata_trades_received",
        "trading_marketdata_venue_to_publish_latency_bucket", "trading_marketdata_malformed_frames")]
    [InlineData("notifications.json", "trading_notification_deliveries")]
    public void Shows_what_the_dashboard_is_for(string file, params string[] metrics)
    {
        using var dashboard = Load(file);

        var names = DashboardQueries.Expressions(dashboard).SelectMany(DashboardQueries.MetricNames).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(metrics), names);
    }

    [Fact]
    public void Notifications_show_sent_retried_failed_and_rate_limited_per_channel()
    {
        using var dashboard = Load("notifications.json");

        var expressions = DashboardQueries.Expressions(dashboard);

        Assert.All(["delivered", "retried", "failed", "rate_limited"], result =>
            Assert.Contains(expressions, expression => expression.Contains($"result=\"{result}\"", StringComparison.Ordinal)
                && expression.Contains("by (channel)", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_dashboard_provider_reads_the_folder_compose_mounts()
    {
        var compose = ComposeFile.Load(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        var mounts = ComposeFile.List(compose.Services["grafana"], "volumes").OfType<string>().Select(volume => volume.Split(':')).ToList();
        var providers = Yaml(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "provisioning", "dashboards"))
            .SelectMany(document => ((YamlSequenceNode)document["providers"]).Children.Cast<YamlMappingNode>())
            .ToList();

        var dashboardsMount = Assert.Single(mounts, mount => mount[0] == "./deploy/grafana/dashboards");
        var provisioningMount = Assert.Single(mounts, mount => mount[0] == "./deploy/grafana/provisioning");
        Assert.Equal("/etc/grafana/provisioning", provisioningMount[1]);
        var provider = Assert.Single(providers);
        Assert.Equal(dashboardsMount[1], ((YamlScalarNode)provider["options"]["path"]).Value);
    }

    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "dashboards", file)));

    private static IEnumerable<JsonElement> Panels(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var inner in Panels(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    // Every "datasource" property anywhere: panels, targets, variables, annotations.
    private static IEnumerable<JsonElement> DatasourceReferences(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "datasource" && property.Value.ValueKind != JsonValueKind.Null)
                {
                    yield return property.Value;
                }

                foreach (var inner in DatasourceReferences(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().SelectMany(DatasourceReferences))
            {
                yield return item;
            }
        }
    }

    private static Dictionary<string, string?> ProvisionedDatasources() =>
        Yaml(Path.Combine(RepositoryRoot.Path, "deploy", "grafana", "provisioning", "datasources"))
            .SelectMany(document => ((YamlSequenceNode)document["datasources"]).Children.Cast<YamlMappingNode>())
            .ToDictionary(source => ((YamlScalarNode)source["uid"]).Value!, source => ((YamlScalarNode)source["type"]).Value);

    private static IEnumerable<YamlMappingNode> Yaml(string folder) =>
        Directory.GetFiles(folder, "*.y*ml").Order(StringComparer.Ordinal).Select(file =>
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            return (YamlMappingNode)stream.Documents.Single().RootNode;
        });
}
