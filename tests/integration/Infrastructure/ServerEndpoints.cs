namespace Trading.Integration.Tests.Infrastructure;

/// <summary>The real Postgres and RabbitMQ servers the tests talk to.</summary>
/// <param name="RabbitMqPrometheus">The broker's Prometheus plugin (<c>TRADING_RABBITMQ_PROMETHEUS</c>), null when not given.</param>
public sealed record ServerEndpoints(string Postgres, string RabbitMq, Uri RabbitMqManagement, Uri? RabbitMqPrometheus);
