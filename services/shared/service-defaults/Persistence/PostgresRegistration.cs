using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Outbox;

namespace Trading.ServiceDefaults.Persistence;

/// <summary>Registers the service's one <see cref="NpgsqlDataSource"/>, its migrations and the outbox.</summary>
public static class PostgresRegistration
{
    /// <summary>
    /// One data source whose search path is the service's own schema, so SQL names tables without a schema.
    /// The numbered <c>Migrations/*.sql</c> embedded in <paramref name="migrationsAssembly"/> run at start,
    /// after the outbox and inbox tables.
    /// </summary>
    public static IHostApplicationBuilder AddPostgres(this IHostApplicationBuilder builder, Assembly migrationsAssembly)
    {
        var identity = ServiceDefaultsRegistration.Identity(builder);
        var connectionString = new NpgsqlConnectionStringBuilder(RequiredConnectionString.Get(builder.Configuration, ResourceNames.Postgres))
        {
            SearchPath = identity.Schema,
            ApplicationName = identity.Name,
        };

        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString.ConnectionString).Build());
        builder.Services.AddSingleton(new MigrationSet([typeof(PostgresRegistration).Assembly, migrationsAssembly]));
        builder.Services.AddSingleton<SqlMigrator>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthEndpoints.ReadyTag]);
        builder.AddOutbox();
        return builder;
    }
}
