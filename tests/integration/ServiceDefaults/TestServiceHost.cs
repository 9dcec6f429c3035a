using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Messaging;
using Trading.ServiceDefaults.Persistence;

namespace Trading.Integration.Tests.ServiceDefaults;

/// <summary>A service built only from the shared defaults, on a real port, against real servers.</summary>
public sealed class TestServiceHost : IAsyncDisposable
{
    private TestServiceHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri Address => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<TestServiceHost> StartAsync(
        string serviceName,
        string postgres,
        string rabbitMq,
        Action<IBusRegistrationConfigurator> consumers,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
            ["Messaging:RetryIntervals:0"] = "00:00:00.050",
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDefaults(serviceName);
        builder.AddMessaging(consumers);
        builder.AddPostgres(typeof(TestServiceHost).Assembly);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new TestServiceHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
