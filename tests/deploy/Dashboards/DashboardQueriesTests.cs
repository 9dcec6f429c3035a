using System.Text.Json;

namespace Trading.Deploy.Tests.Dashboards;

public sealed class DashboardQueriesTests
{
    [Theory]
    [InlineData(
        "histogram_quantile(0.99, sum by (le, service_name, message_type) (rate(trading_pipeline_hop_latency_bucket[$__rate_interval])))",
        "trading_pipeline_hop_latency_bucket")]
    [InlineData("sum(rabbitmq_queue_messages_ready{queue=~\".*_error\"}) or vector(0)", "rabbitmq_queue_messages_ready")]
    [InlineData("max by (venue) (feed{status=\"Live\"} * 2 or feed_other{status=\"Down\"} * 4)", "feed", "feed_other")]
    [InlineData("rate(requests[5m] offset 1h) / ignoring(code) group_left(job) requests_total", "requests", "requests_total")]
    [InlineData("label_replace(up{job=\"a{b}(c)\"}, \"dst\", \"$1\", \"src\", \"(.*) by (x) or y\")", "up")]
    [InlineData(
        "sum without (instance) (rate(http_requests{code=~'5..'}[${__range}])) > bool 0.5 AND on() vector(1)",
        "http_requests")]
    [InlineData("{__name__=\"trading_risk_equity\", service_name=\"risk\"}", "trading_risk_equity")]
    [InlineData("1e3 * job:requests:rate5m + 0x1F - Inf + .5 - NaN", "job:requests:rate5m")]
    [InlineData("max_over_time(rate(errors[1m])[$__range:30s])", "errors")]
    [InlineData("latency # by (le) ignored_in_comment\n + other", "latency", "other")]
    [InlineData("count_values(\"version\", build_info) by (version)", "build_info")]
    [InlineData("topk(5, sum by(queue)(depth)) unless on (queue) paused", "depth", "paused")]
    [InlineData("equity @ start() - equity @ 1609746000", "equity")]
    [InlineData("sum(increase(deliveries{channel=~\"$channel\", result=\"delivered\"}[$__range]))", "deliveries")]
    [InlineData("rate([[metric]][5m]) + $other_metric", new string[0])]
    public void Finds_the_metric_names_an_expression_reads(string promql, params string[] expected)
    {
        var names = DashboardQueries.MetricNames(promql);

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Collects_expressions_from_panels_rows_and_variables_but_not_other_data_sources()
    {
        using var dashboard = JsonDocument.Parse("""
            {
              "panels": [
                { "type": "timeseries", "datasource": { "type": "prometheus", "uid": "prometheus" },
                  "targets": [ { "expr": "rate(a[5m])" }, { "expr": "" } ] },
                { "type": "row", "panels": [
                  { "type": "stat", "targets": [ { "expr": "b" } ] },
                  { "type": "table", "datasource": { "type": "tempo", "uid": "tempo" },
                    "targets": [ { "query": "{ resource.service.name = \"risk\" }" } ] },
                  { "type": "logs", "datasource": { "type": "loki", "uid": "loki" }, "targets": [ { "expr": "{job=\"x\"}" } ] },
                  { "type": "timeseries", "datasource": { "type": "loki", "uid": "loki" },
                    "targets": [ { "expr": "c", "datasource": { "type": "prometheus", "uid": "prometheus" } } ] }
                ] }
              ],
              "templating": { "list": [
                { "type": "query", "name": "venue", "query": { "query": "label_values(d{kind=\"x, y\"}, venue)", "refId": "V" } },
                { "type": "query", "name": "symbol", "query": "label_values(symbol)" },
                { "type": "query", "name": "top", "query": "query_result(topk(3, e))" },
                { "type": "query", "name": "names", "query": "metrics(trading_.*)" },
                { "type": "query", "name": "raw", "query": "f" },
                { "type": "custom", "name": "interval", "query": "1m,5m" }
              ] }
            }
            """);

        var expressions = DashboardQueries.Expressions(dashboard);

        Assert.Equal(["rate(a[5m])", "b", "c", "d{kind=\"x, y\"}", "topk(3, e)", "f"], expressions);
    }

    [Fact]
    public void Lists_the_dashboards_of_the_repository_and_the_names_they_query()
    {
        var files = DashboardQueries.Files(RepositoryRoot.Path);
        var names = DashboardQueries.AllMetricNames(RepositoryRoot.Path);

        Assert.Equal(["feeds.json", "notifications.json", "pipeline.json", "trading.json"], files.Select(Path.GetFileName));
        Assert.Contains("trading_pipeline_hop_latency_bucket", names);
        Assert.Contains("rabbitmq_queue_messages_ready", names);
    }
}
