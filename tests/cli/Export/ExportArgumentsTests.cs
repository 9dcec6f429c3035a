using Trading.Cli.Export;

namespace Trading.Cli.Tests.Export;

public sealed class ExportArgumentsTests
{
    private const string Server = "Host=127.0.0.1;Port=55432;Username=trading;Password=trading;Database=trading";

    [Theory]
    [InlineData(ExportKind.Trades, "execution", "positions", "opened_at")]
    [InlineData(ExportKind.Signals, "signal", "signals", "signal_at")]
    [InlineData(ExportKind.Decisions, "risk", "decisions", "decided_at")]
    public void Reads_each_kind_from_its_service_schema_by_default(ExportKind kind, string schema, string table, string timeColumn)
    {
        var created = ExportArguments.TryCreate([kind], null, null, "csv", null, null, Server, null, out var request, out _);

        Assert.True(created);
        Assert.Equal((schema, table, timeColumn), (request.Schema, request.Source.Table, request.Source.TimeColumn));
    }

    [Fact]
    public void Takes_the_connection_from_the_option_before_the_environment()
    {
        ExportArguments.TryCreate([ExportKind.Trades], null, null, "json", null, "Host=db.example;Username=u", Server, "archive", out var request, out _);

        Assert.Equal(("Host=db.example;Username=u", "archive", ExportFormat.Json), (request.ConnectionString, request.Schema, request.Format));
    }

    [Fact]
    public void Without_a_connection_string_says_where_to_give_one()
    {
        var created = ExportArguments.TryCreate([ExportKind.Trades], null, null, "csv", null, null, null, null, out _, out var error);

        Assert.False(created);
        Assert.StartsWith("No database: pass --postgres", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_a_time_with_an_offset_to_utc()
    {
        ExportArguments.TryCreate([ExportKind.Signals], "2025-11-10T02:00:00+02:00", "2025-11-10T12:30", "csv", null, null, Server, null, out var request, out _);

        Assert.Equal(
            (new DateTimeOffset(2025, 11, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 11, 10, 12, 30, 0, TimeSpan.Zero)),
            (request.From!.Value, request.To!.Value));
        Assert.Equal(TimeSpan.Zero, request.From.Value.Offset);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "\"\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void Quotes_a_csv_field_per_rfc_4180(string text, string field)
    {
        Assert.Equal(field, CsvExportWriter.Field(text));
    }
}
