using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Trading.ServiceDefaults.Persistence;

/// <summary>
/// Applies numbered SQL migrations to the service's schema, each once, in order, under an advisory lock so that
/// replicas starting together do not race. Migrations only move forward: a changed applied file is an error.
/// </summary>
public sealed partial class SqlMigrator(NpgsqlDataSource dataSource, MigrationSet set, ServiceIdentity identity, ILogger<SqlMigrator> logger)
{
    public static IReadOnlyList<Migration> Discover(IEnumerable<Assembly> assemblies)
    {
        var migrations = new List<Migration>();
        foreach (var assembly in assemblies.Distinct())
        {
            var found = assembly.GetManifestResourceNames()
                .Select(name => (Resource: name, Match: FileName().Match(name)))
                .Where(x => x.Match.Success)
                .OrderBy(x => x.Match.Groups["file"].Value, StringComparer.Ordinal);
            foreach (var (resource, match) in found)
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                migrations.Add(new Migration($"{assembly.GetName().Name}/{match.Groups["file"].Value}", reader.ReadToEnd()));
            }
        }

        return migrations;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = Discover(set.Assemblies);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var schema = identity.Schema;

        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext(@schema))", new { schema }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS "{schema}".schema_migrations (
                id text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, transaction: transaction, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<(string Id, string Checksum)>(new CommandDefinition(
                $"""SELECT id, checksum FROM "{schema}".schema_migrations""", transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(x => x.Id, x => x.Checksum);

        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Id, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.Id} was changed after it was applied to schema '{schema}'. Migrations only move forward: add a new file instead.");
                }

                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"""SET LOCAL search_path TO "{schema}"; {migration.Sql}""", transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                $"""INSERT INTO "{schema}".schema_migrations (id, checksum) VALUES (@Id, @Checksum)""",
                new { migration.Id, migration.Checksum }, transaction, cancellationToken: cancellationToken));
            LogApplied(logger, migration.Id, schema);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [GeneratedRegex(@"\.Migrations\.(?<file>\d{4}_[A-Za-z0-9_]+\.sql)$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} to schema {Schema}")]
    private static partial void LogApplied(ILogger logger, string migration, string schema);
}
