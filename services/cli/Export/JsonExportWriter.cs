using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Trading.Cli.Export;

/// <summary>
/// A JSON array with one object per row, one row per line: property names are the column names, json columns are their JSON
/// value, numbers and booleans JSON literals, times ISO-8601 UTC strings, NULL null.
/// </summary>
public sealed class JsonExportWriter(TextWriter writer) : IExportWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private IReadOnlyList<ExportColumn> _columns = [];
    private bool _first = true;

    public void WriteHeader(IReadOnlyList<ExportColumn> columns)
    {
        _columns = columns;
        writer.Write('[');
    }

    public void WriteRow(IReadOnlyList<object?> values)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, ExportValues.Options))
        {
            json.WriteStartObject();
            for (var i = 0; i < _columns.Count; i++)
            {
                json.WritePropertyName(_columns[i].Name);
                ExportValues.Write(json, values[i], _columns[i].IsJson);
            }

            json.WriteEndObject();
        }

        writer.Write(_first ? "\n" : ",\n");
        writer.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _first = false;
    }

    public void Complete() => writer.Write("\n]\n");
}
