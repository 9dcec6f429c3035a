using YamlDotNet.RepresentationModel;

namespace Trading.Deploy.Tests.Compose;

public sealed class ObservabilityConfigTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "deploy", "observability");

    [Fact]
    public void The_collector_serves_metrics_under_the_names_the_dashboards_query_and_sends_traces_to_tempo()
    {
        var collector = Load("otel-collector.yaml");

        var prometheus = Node(collector, "exporters", "prometheus");
        Assert.Equal("0.0.0.0:8889", Text(prometheus, "endpoint"));
        Assert.Equal("false", Text(prometheus, "add_metric_suffixes"));
        Assert.Equal("true", Text(prometheus, "resource_to_telemetry_conversion", "enabled"));
        Assert.Equal("tempo:4317", Text(collector, "exporters", "otlp/tempo", "endpoint"));
        Assert.Equal("0.0.0.0:4317", Text(collector, "receivers", "otlp", "protocols", "grpc", "endpoint"));
        Assert.Equal("0.0.0.0:4318", Text(collector, "receivers", "otlp", "protocols", "http", "endpoint"));
        Assert.Equal(["prometheus"], Items(collector, "service", "pipelines", "metrics", "exporters"));
        Assert.Equal(["otlp/tempo"], Items(collector, "service", "pipelines", "traces", "exporters"));
        Assert.All(["metrics", "traces", "logs"], pipeline =>
        {
            Assert.Equal(["otlp"], Items(collector, "service", "pipelines", pipeline, "receivers"));
            Assert.Equal("memory_limiter", Items(collector, "service", "pipelines", pipeline, "processors").First());
        });
    }

    [Fact]
    public void Prometheus_scrapes_the_collector_and_the_broker_per_queue()
    {
        var jobs = ((YamlSequenceNode)Node(Load("prometheus.yml"), "scrape_configs")).Children.Cast<YamlMappingNode>()
            .ToDictionary(job => Text(job, "job_name")!);

        var collector = jobs["otel-collector"];
        var rabbitmq = jobs["rabbitmq"];

        Assert.Equal(["otel-collector:8889"], Targets(collector));
        Assert.Equal("true", Text(collector, "honor_labels"));
        Assert.Equal(["rabbitmq:15692"], Targets(rabbitmq));
        Assert.Equal("/metrics/per-object", Text(rabbitmq, "metrics_path"));
    }

    [Fact]
    public void The_broker_enables_the_management_and_prometheus_plugins()
    {
        var plugins = File.ReadAllText(Path.Combine(Folder, "rabbitmq", "enabled_plugins")).Trim();

        Assert.Equal("[rabbitmq_management,rabbitmq_prometheus].", plugins);
    }

    [Fact]
    public void Tempo_receives_otlp_and_stores_in_its_volume()
    {
        var tempo = Load("tempo.yaml");

        Assert.Equal("0.0.0.0:4317", Text(tempo, "distributor", "receivers", "otlp", "protocols", "grpc", "endpoint"));
        Assert.Equal("local", Text(tempo, "storage", "trace", "backend"));
        Assert.StartsWith("/var/tempo/", Text(tempo, "storage", "trace", "local", "path"));
        Assert.StartsWith("/var/tempo/", Text(tempo, "storage", "trace", "wal", "path"));
    }

    private static YamlNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, file));
        stream.Load(reader);
        return stream.Documents.Single().RootNode;
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string? Text(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value;

    private static IReadOnlyList<string?> Items(YamlNode node, params string[] path) =>
        [.. ((YamlSequenceNode)Node(node, path)).Children.Cast<YamlScalarNode>().Select(item => item.Value)];

    private static IReadOnlyList<string?> Targets(YamlMappingNode job) =>
        [.. ((YamlSequenceNode)Node(job, "static_configs")).Children.SelectMany(config => Items(config, "targets"))];
}
