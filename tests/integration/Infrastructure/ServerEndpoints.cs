namespace Trading.Integration.Tests.Infrastructure;

/// <summary>The real Postgres and RabbitMQ servers the tests talk to.</summary>
public sealed record ServerEndpoints(string Postgres, string RabbitMq, Uri RabbitMqManagement);
