using System.Diagnostics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.ServiceDefaults.Tests;

public sealed class UrlRedactionProcessorTests : IDisposable
{
    private readonly ActivitySource _source = new("test-redaction");
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == "test-redaction",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    };

    public UrlRedactionProcessorTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void Keeps_only_scheme_host_and_port_of_an_outbound_request_url()
    {
        using var request = Span(ActivityKind.Client, "https://hooks.slack.com/services/T000/B000/secret-token");

        new UrlRedactionProcessor().OnEnd(request);

        Assert.Equal("https://hooks.slack.com/[redacted]", request.GetTagItem("url.full"));
    }

    [Fact]
    public void Leaves_server_spans_alone()
    {
        using var request = Span(ActivityKind.Server, "http://127.0.0.1:5101/health/ready");

        new UrlRedactionProcessor().OnEnd(request);

        Assert.Equal("http://127.0.0.1:5101/health/ready", request.GetTagItem("url.full"));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
    }

    private Activity Span(ActivityKind kind, string url) =>
        _source.StartActivity("HTTP", kind)!.SetTag("url.full", url);
}
