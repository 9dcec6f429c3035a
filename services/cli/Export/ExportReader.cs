using Npgsql;

namespace Trading.Cli.Export;

/// <summary>Reads the rows of an <see cref="ExportRequest"/> from Postgres and hands them, in order, to a writer.</summary>
public static class ExportReader
{
    /// <summary>How often a progress line is written while rows stream.</summary>
    public const int ProgressEvery = 50_000;

    /// <param name="progress">Called with the row count every <see cref="ProgressEvery"/> rows.</param>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> CopyAsync(ExportRequest request, IExportWriter writer, Action<long> progress, CancellationToken cancellationToken)
    {
        // As the services do (PostgresRegistration): the search path is the owning service's schema, so tables are named bare.
        var connectionString = new NpgsqlConnectionStringBuilder(request.ConnectionString)
        {
            SearchPath = request.Schema,
            ApplicationName = "trading-export",
        };
        await using var dataSource = NpgsqlDataSource.Create(connectionString.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(request.Source.Sql(request.From is not null, request.To is not null), connection);
        if (request.From is { } from)
        {
            command.Parameters.AddWithValue("from", from.UtcDateTime);
        }

        if (request.To is { } to)
        {
            command.Parameters.AddWithValue("to", to.UtcDateTime);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new ExportColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        writer.WriteHeader(columns);
        var values = new object?[columns.Count];
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
            }

            writer.WriteRow(values);
            if (++rows % ProgressEvery == 0)
            {
                progress(rows);
            }
        }

        writer.Complete();
        return rows;
    }
}
