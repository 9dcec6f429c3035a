using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Trading.Integration.Tests.Infrastructure;
using Trading.MarketData.Live.Scaling;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Persistence;

namespace Trading.Integration.Tests.MarketData;

/// <summary>A fresh database with market-data's schema migrated, as the service sees it (search path <c>market_data</c>).</summary>
public static class MarketDataSchema
{
    public static async Task<NpgsqlDataSource> CreateAsync(InfrastructureFixture infrastructure)
    {
        var identity = new ServiceIdentity("market-data");
        var connectionString = new NpgsqlConnectionStringBuilder(await infrastructure.CreateDatabaseAsync()) { SearchPath = identity.Schema };
        var dataSource = NpgsqlDataSource.Create(connectionString.ConnectionString);
        var migrations = new MigrationSet([typeof(SqlMigrator).Assembly, typeof(SymbolLeaseStore).Assembly]);
        await new SqlMigrator(dataSource, migrations, identity, NullLogger<SqlMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return dataSource;
    }
}
