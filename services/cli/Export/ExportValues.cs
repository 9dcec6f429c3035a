using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Trading.Cli.Export;

/// <summary>
/// How the values Npgsql reads are written: times ISO-8601 UTC, numbers in the invariant culture, uuids in their usual form, arrays
/// as JSON arrays (in CSV their JSON text).
/// </summary>
public static class ExportValues
{
    /// <summary>Writer options for every JSON the export writes: text as it is, not escaped beyond what JSON needs.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>ISO-8601 UTC with a <c>Z</c>; fractional seconds only when there are any (Postgres keeps microseconds).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The CSV text of a non-null value (json columns: their JSON text, as stored).</summary>
    public static string Text(object value) => value switch
    {
        string text => text,
        DateTime time => FormatTime(Utc(time)),
        DateTimeOffset time => FormatTime(time),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Guid id => id.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        IEnumerable items => JsonArrayText(items),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Writes a value as JSON: json columns as the JSON value they hold, numbers and booleans as JSON literals.</summary>
    public static void Write(Utf8JsonWriter json, object? value, bool isJson)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text when isJson:
                json.WriteRawValue(text);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case int or long or short or byte:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case byte[] bytes:
                json.WriteBase64StringValue(bytes);
                break;
            case IEnumerable items and not string:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item, isJson);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }

    // timestamptz reads as a UTC DateTime; a timestamp without time zone is taken as UTC, never as local time.
    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static string JsonArrayText(IEnumerable items)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            Write(json, items, isJson: false);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
