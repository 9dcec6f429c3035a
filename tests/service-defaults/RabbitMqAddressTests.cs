using Trading.ServiceDefaults.Messaging;

namespace Trading.ServiceDefaults.Tests;

public sealed class RabbitMqAddressTests
{
    [Fact]
    public void Reads_host_port_virtual_host_and_credentials_from_an_amqp_uri()
    {
        var address = RabbitMqAddress.Parse("amqp://trading:s%40cret@127.0.0.1:55672/demo", "ConnectionStrings:RabbitMq");

        Assert.Equal(new RabbitMqAddress("127.0.0.1", 55672, "demo", "trading", "s@cret", UseTls: false), address);
    }

    [Fact]
    public void Uses_the_default_port_and_root_virtual_host_when_the_uri_has_none()
    {
        var address = RabbitMqAddress.Parse("amqps://user:pw@broker.internal", "ConnectionStrings:RabbitMq");

        Assert.Equal(5671, address.Port);
        Assert.Equal("/", address.VirtualHost);
        Assert.True(address.UseTls);
    }

    [Fact]
    public void Refuses_a_value_that_is_not_an_amqp_uri_naming_the_key_but_not_the_value()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.Parse("Host=rabbit;Password=hunter2", "ConnectionStrings:RabbitMq"));

        Assert.Contains("ConnectionStrings:RabbitMq", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }
}
