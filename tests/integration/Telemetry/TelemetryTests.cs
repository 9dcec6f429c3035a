using System.Globalization;
using Trading.Deploy.Tests.Dashboards;
using Trading.FakeVenues;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.Telemetry;

/// <summary>
/// The six services as processes on the real broker and database, exporting over OTLP/HTTP to a receiver in the test as
/// they would to the OpenTelemetry collector: one trace per trade path, and every metric the Grafana dashboards query.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TelemetryTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>From the notification back to the batch: the services a fill's notification passes through, leaf first.</summary>
    private static readonly string[] TradePath = ["notification", "execution", "risk", "signal", "candle-builder", "market-data"];

    [Fact]
    public async Task One_trace_follows_a_trade_through_all_six_services_and_every_dashboard_metric_is_exported()
    {
        await using var otlp = await OtlpReceiver.StartAsync();
        var telemetry = Exporting(otlp);
        var extra = new Dictionary<string, string>(telemetry)
        {
            // The fill's notification is the end of the trade's path.
            ["Notification__Webhooks__0__Events__1"] = "order-filled",
        };
        await using var run = await ScenarioRun.StartAsync(infrastructure, new ScenarioSettings(Speed: 0, BatchSize: 100, GracePeriod: TimeSpan.FromSeconds(2)), extra);

        // A live feed as well, from a fake Kraken on loopback, for the feed metrics a replay does not have (reconnects, gaps, frames).
        await using var kraken = await FakeKrakenSpotServer.StartAsync(TimeSpan.FromSeconds(1));
        await using var feed = new ServiceProcess("market-data", "Trading.MarketData", await LiveFeedEnvironmentAsync(kraken, telemetry));
        feed.Start();
        await feed.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        for (var id = 1; id <= 5; id++)
        {
            await kraken.SendTradeAsync("BTC/USD", 90_000m + id, 0.01m, id, CancellationToken.None);
        }

        await run.WaitUntilCompleteAsync(Patience);

        IReadOnlyList<ExportedSpan>? path = null;
        await Eventually.Holds(
            () => Task.FromResult((path = FindTradePath(otlp.Spans)) is not null),
            TimeSpan.FromSeconds(60),
            () => $"a fill's notification traces back through {string.Join(" → ", TradePath)}; traces seen: {Describe(otlp.Spans)}");
        Assert.Single(path!.Select(s => s.TraceId).Distinct());
        Assert.Equal(TradePath, Collapse(path!.Select(s => s.Service)));

        var wanted = DashboardQueries.AllMetricNames(RepositoryPaths.Root);
        Assert.Contains("trading_pipeline_hop_latency_bucket", wanted);
        var broker = await BrokerMetricNamesAsync();
        IReadOnlyList<string> missing = [];
        await Eventually.Holds(
            () => Task.FromResult((missing = Missing(wanted, otlp.Metrics, broker)).Count == 0),
            TimeSpan.FromSeconds(60),
            () => $"every metric a dashboard queries was exported; missing: {string.Join(", ", missing)}");

        // One meter per service, named after it: every trading.* instrument of a service is on Trading.<Service>.
        var ours = otlp.Metrics.Where(m => m.Name.StartsWith("trading.", StringComparison.Ordinal)).ToList();
        Assert.All(ours, m => Assert.Equal(MeterOf(m.Service), m.Scope));
        Assert.Equal(TradePath.Order(), ours.Select(m => m.Service).Distinct().Order());
        Assert.Empty(otlp.Errors);
    }

    private static Dictionary<string, string> Exporting(OtlpReceiver otlp) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",

        // A replay at full speed makes spans faster than the default queue of 2,048 drains; none may be dropped here.
        ["OTEL_BSP_MAX_QUEUE_SIZE"] = "262144",
        ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "4096",
    };

    private async Task<Dictionary<string, string>> LiveFeedEnvironmentAsync(FakeKrakenSpotServer kraken, IReadOnlyDictionary<string, string> telemetry)
    {
        var environment = new Dictionary<string, string>(telemetry)
        {
            ["ConnectionStrings__Postgres"] = await infrastructure.CreateDatabaseAsync(),
            ["ConnectionStrings__RabbitMq"] = await infrastructure.CreateVirtualHostAsync(),
            ["MarketData__Source"] = "Live",
            ["LiveFeed__Venues__0"] = "KRAKEN",
            ["LiveFeed__KrakenWebSocket"] = kraken.Endpoint.ToString(),
            ["LiveFeed__KrakenRest"] = kraken.RestBaseAddress.ToString(),
            ["LiveFeed__Symbols__0"] = "BTC/USD",
            ["LiveFeed__BatchWindow"] = "00:00:00.200",
        };
        return environment;
    }

    /// <summary>
    /// A notification span whose chain of parents, followed across processes, reaches market-data's batch: the spans from
    /// that notification up to the root, leaf first. The chain must pass execution's paper fill, so it is a fill's notification.
    /// </summary>
    private static IReadOnlyList<ExportedSpan>? FindTradePath(IReadOnlyList<ExportedSpan> spans)
    {
        var byId = spans.GroupBy(s => (s.TraceId, s.SpanId)).ToDictionary(g => g.Key, g => g.First());
        foreach (var leaf in spans.Where(s => s.Service == "notification"))
        {
            var chain = new List<ExportedSpan> { leaf };
            var current = leaf;
            while (current.ParentSpanId is { } parent && byId.TryGetValue((current.TraceId, parent), out var next))
            {
                chain.Add(next);
                current = next;
            }

            if (current.ParentSpanId is null && chain.Any(s => s.Name == "paper fill") && Collapse(chain.Select(s => s.Service)).SequenceEqual(TradePath))
            {
                return chain;
            }
        }

        return null;
    }

    /// <summary>The services in order with repeats next to each other folded: a, a, b, a → a, b, a.</summary>
    private static List<string> Collapse(IEnumerable<string> services)
    {
        var collapsed = new List<string>();
        foreach (var service in services)
        {
            if (collapsed.Count == 0 || collapsed[^1] != service)
            {
                collapsed.Add(service);
            }
        }

        return collapsed;
    }

    private static string Describe(IReadOnlyList<ExportedSpan> spans)
    {
        var traces = spans.GroupBy(s => s.TraceId).ToList();
        var widest = traces.OrderByDescending(t => t.Select(s => s.Service).Distinct().Count()).Take(3)
            .Select(t => $"{t.Key}: {string.Join(", ", t.Select(s => s.Service).Distinct())} ({t.Count()} spans: {string.Join("; ", t.Select(s => $"{s.Service}/{s.Name}").Distinct().Take(40))})");
        return $"{spans.Count} spans in {traces.Count} traces; widest: {string.Join(" | ", widest)}";
    }

    /// <summary>
    /// The dashboard names no service or broker exported. An OpenTelemetry instrument reaches Prometheus (through the
    /// collector's prometheus exporter without added suffixes) with '.' as '_', and a histogram as _bucket, _sum and _count.
    /// </summary>
    private static List<string> Missing(IReadOnlySet<string> wanted, IReadOnlyList<ExportedMetric> exported, IReadOnlySet<string> broker)
    {
        var names = new HashSet<string>(broker, StringComparer.Ordinal);
        foreach (var metric in exported)
        {
            var name = metric.Name.Replace('.', '_');
            names.Add(name);
            if (metric.Kind is ExportedMetricKind.Histogram)
            {
                names.UnionWith([name + "_bucket", name + "_sum", name + "_count"]);
            }
        }

        return [.. wanted.Where(w => !names.Contains(w)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The metric names RabbitMQ's Prometheus plugin serves, per object (queue labels) and aggregated.</summary>
    private async Task<IReadOnlySet<string>> BrokerMetricNamesAsync()
    {
        var prometheus = infrastructure.Servers.RabbitMqPrometheus
            ?? throw new InvalidOperationException("TRADING_RABBITMQ_PROMETHEUS is not set: start the broker with build/infra.sh, which enables rabbitmq_prometheus");
        using var http = new HttpClient { BaseAddress = prometheus };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in new[] { "/metrics/per-object", "/metrics" })
        {
            var text = await http.GetStringAsync(path);
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
                {
                    names.Add(line.Split(' ')[2]);
                }
            }
        }

        return names;
    }

    private static string MeterOf(string service) =>
        "Trading." + string.Concat(service.Split('-').Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
