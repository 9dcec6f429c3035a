using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Trading.ServiceDefaults.Telemetry;

/// <summary>
/// Traces and metrics through OpenTelemetry. The instrumentation packages are not needed: ASP.NET Core, HttpClient,
/// the runtime, MassTransit and Npgsql publish through built-in activity sources and meters, subscribed here by name.
/// The OTLP exporter is on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryRegistration
{
    private static readonly string[] Sources = ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql", ServiceTelemetry.SourceName];

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime",
        "MassTransit", "Npgsql",
    ];

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, ServiceIdentity identity)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var resource = ResourceBuilder.CreateDefault().AddService(identity.Name, "trading");

        builder.Services.AddSingleton<ServiceTelemetry>();
        builder.Services.AddSingleton<PipelineMetrics>();
        builder.Services.AddSingleton(_ => Tracing(resource, exportOtlp));
        builder.Services.AddSingleton(_ => Metrics(resource, identity, exportOtlp));
        builder.Services.AddHostedService<TelemetryStarter>();
        if (exportOtlp)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.SetResourceBuilder(resource);
                logging.IncludeScopes = true;
                logging.AddOtlpExporter();
            });
        }

        return builder;
    }

    private static TracerProvider Tracing(ResourceBuilder resource, bool exportOtlp)
    {
        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(Sources).AddProcessor(new UrlRedactionProcessor());
        if (exportOtlp)
        {
            tracing.AddOtlpExporter();
        }

        return tracing.Build();
    }

    private static MeterProvider Metrics(ResourceBuilder resource, ServiceIdentity identity, bool exportOtlp)
    {
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters).AddMeter(identity.MeterName);
        if (exportOtlp)
        {
            metrics.AddOtlpExporter();
        }

        return metrics.Build();
    }
}
