using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Trading.Cli.Tests.PublishBacktest;

/// <summary>
/// A virtual host of its own on the local RabbitMQ (<c>ConnectionStrings__RabbitMq</c> and <c>TRADING_RABBITMQ_MANAGEMENT</c>, else the
/// servers <c>build/infra.sh</c> runs), made through the management API and deleted on dispose.
/// </summary>
internal sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;
    private readonly string _name;

    private TestVirtualHost(HttpClient management, string name, string amqpUri)
    {
        _management = management;
        _name = name;
        AmqpUri = amqpUri;
    }

    public string AmqpUri { get; }

    public static async Task<TestVirtualHost> CreateAsync()
    {
        var broker = new Uri(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq") is { Length: > 0 } amqp ? amqp : "amqp://trading:trading@127.0.0.1:55672/");
        var management = new Uri(Environment.GetEnvironmentVariable("TRADING_RABBITMQ_MANAGEMENT") is { Length: > 0 } http ? http : "http://trading:trading@127.0.0.1:55673");
        var client = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var name = "cli-test-" + Guid.NewGuid().ToString("N")[..12];
        var user = Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]);
        (await client.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"api/permissions/{name}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new TestVirtualHost(client, name, new UriBuilder(broker) { Path = "/" + name }.Uri.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{_name}");
        _management.Dispose();
    }
}
