namespace Trading.Integration.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Real Postgres and RabbitMQ";
}
