using Microsoft.Extensions.Hosting;

namespace Trading.ServiceDefaults.Persistence;

/// <summary>
/// Runs the migrations in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host calls before any hosted
/// service starts, so no consumer or dispatcher ever sees a schema that is not up to date.
/// </summary>
public sealed class MigrationHostedService(SqlMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
