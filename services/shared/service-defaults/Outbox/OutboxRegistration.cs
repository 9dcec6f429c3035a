using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Trading.ServiceDefaults.Outbox;

/// <summary>Registers the Dapper outbox, the inbox and the dispatcher that publishes committed messages.</summary>
public static class OutboxRegistration
{
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}
