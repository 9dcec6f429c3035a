using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.ServiceDefaults;

/// <summary>What every service gets first: its identity, the clock, JSON logs, telemetry and health checks.</summary>
public static class ServiceDefaultsRegistration
{
    /// <summary>
    /// Registers the defaults for the service named <paramref name="serviceName"/> (kebab case, for example
    /// <c>candle-builder</c>): it prefixes the queues, names the schema and the telemetry.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        var identity = new ServiceIdentity(serviceName);
        builder.Properties[typeof(ServiceIdentity)] = identity;
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.AddTelemetry(identity);
        builder.Services.AddHealthChecks();
        return builder;
    }

    internal static ServiceIdentity Identity(IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(typeof(ServiceIdentity), out var identity)
            ? (ServiceIdentity)identity
            : throw new InvalidOperationException("Call AddServiceDefaults before registering messaging or Postgres.");
}
