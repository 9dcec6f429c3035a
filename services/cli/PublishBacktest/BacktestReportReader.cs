using System.Globalization;
using System.Text.Json;
using Trading.Contracts.Signals;
using Trading.Markets;

namespace Trading.Cli.PublishBacktest;

/// <summary>
/// Reads the report <c>trading backtest</c> writes (a JSON object whose <c>results</c> array holds one object per strategy, symbol
/// and interval, fields in snake_case) into one <see cref="BacktestRecorded"/> per result. The whole report is checked first:
/// any malformed field throws <see cref="BacktestReportException"/> naming it, so a bad report publishes nothing. <c>avg_win_r</c> and
/// <c>avg_loss_r</c> may be missing (reports written before they were measured): the record then carries null.
/// </summary>
public static class BacktestReportReader
{
    /// <param name="json">The report's text.</param>
    /// <param name="recordedAt">The records' <see cref="BacktestRecorded.RecordedAt"/>: when they are published.</param>
    public static IReadOnlyList<BacktestRecorded> Read(string json, DateTimeOffset recordedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new BacktestReportException($"The report is not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BacktestReportException($"The report must be a JSON object with 'results', not {Describe(root.ValueKind)}.");
            }

            if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw new BacktestReportException("'results' is missing or not an array.");
            }

            if (results.GetArrayLength() == 0)
            {
                throw new BacktestReportException("'results' is empty: there is nothing to publish.");
            }

            return [.. results.EnumerateArray().Select((result, index) => ReadResult(result, $"results[{index}]", recordedAt))];
        }
    }

    private static BacktestRecorded ReadResult(JsonElement result, string path, DateTimeOffset recordedAt)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new BacktestReportException($"{path} must be an object, not {Describe(result)}.");
        }

        var interval = Text(result, path, "interval");
        if (!Interval.TryParse(interval, out _))
        {
            throw new BacktestReportException(
                $"{path}.interval '{interval}' is not an interval code; valid codes are {string.Join(", ", Interval.All.Select(i => i.Code))}.");
        }

        var from = Time(result, path, "from");
        var to = Time(result, path, "to");
        if (to <= from)
        {
            throw new BacktestReportException($"{path}.to ({to:O}) must be after {path}.from ({from:O}).");
        }

        var trades = Count(result, path, "trades");
        var wins = Count(result, path, "wins");
        if (wins > trades)
        {
            throw new BacktestReportException($"{path}.wins ({wins}) cannot exceed {path}.trades ({trades}).");
        }

        var parameters = Field(result, path, "parameters");
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new BacktestReportException($"{path}.parameters must be a JSON object, not {Describe(parameters.ValueKind)}.");
        }

        return new BacktestRecorded
        {
            Strategy = Text(result, path, "strategy"),
            Symbol = Text(result, path, "symbol"),
            Interval = interval,
            DataStartAt = from,
            DataEndAt = to,
            Parameters = parameters.GetRawText(),
            Trades = trades,
            Wins = wins,
            WinRate = Number(result, path, "win_rate"),
            ProfitFactor = Field(result, path, "profit_factor").ValueKind == JsonValueKind.Null ? null : Number(result, path, "profit_factor"),
            ExpectancyR = Number(result, path, "expectancy_r"),
            AverageWinR = OptionalNumber(result, path, "avg_win_r"),
            AverageLossR = OptionalNumber(result, path, "avg_loss_r"),
            NetPnl = Number(result, path, "net_pnl"),
            MaxDrawdownPct = Number(result, path, "max_drawdown_pct"),
            BreakevenWinRate = Number(result, path, "breakeven_win_rate"),
            Passed = Boolean(result, path, "passed_live_gate"),
            GateReasons = Reasons(result, path, "gate_reasons"),
            RecordedAt = recordedAt,
        };
    }

    private static JsonElement Field(JsonElement result, string path, string name) =>
        result.TryGetProperty(name, out var value) ? value : throw new BacktestReportException($"{path}.{name} is missing.");

    private static string Text(JsonElement result, string path, string name)
    {
        var value = Field(result, path, name);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new BacktestReportException($"{path}.{name} must be a non-empty string, not {Describe(value)}.");
    }

    private static DateTimeOffset Time(JsonElement result, string path, string name)
    {
        var value = Field(result, path, name);
        return value.ValueKind == JsonValueKind.String
               && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new BacktestReportException($"{path}.{name} must be an ISO-8601 UTC time such as 2024-01-01T00:00:00Z, not {Describe(value)}.");
    }

    private static decimal Number(JsonElement result, string path, string name)
    {
        var value = Field(result, path, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new BacktestReportException($"{path}.{name} must be a number, not {Describe(value)}.");
    }

    // Reports written before the backtester measured a figure lack it; the record then carries null.
    private static decimal? OptionalNumber(JsonElement result, string path, string name) =>
        result.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Number(result, path, name) : null;

    private static int Count(JsonElement result, string path, string name)
    {
        var value = Field(result, path, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw new BacktestReportException($"{path}.{name} must be a whole number of at least 0, not {Describe(value)}.");
    }

    private static bool Boolean(JsonElement result, string path, string name)
    {
        var value = Field(result, path, name);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new BacktestReportException($"{path}.{name} must be true or false, not {Describe(value)}.");
    }

    private static string[] Reasons(JsonElement result, string path, string name)
    {
        var value = Field(result, path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new BacktestReportException($"{path}.{name} must be an array of strings, not {Describe(value)}.");
        }

        return [.. value.EnumerateArray().Select((item, index) => item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw new BacktestReportException($"{path}.{name}[{index}] must be a string, not {Describe(item)}."))];
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Number => $"{Describe(value.ValueKind)} {value.GetRawText()}",
        _ => Describe(value.ValueKind),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string",
        JsonValueKind.Number => "the number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
