using System.Text.Json;

namespace Trading.Cli.Tests.Export;

[Trait("Category", "Integration")]
public sealed class ExportCommandTests : IDisposable
{
    private const string TradesHeader =
        "position_id,signal_id,venue,symbol,direction,quantity,entry_price,entry_fee,entry_time,exit_price,exit_fee,exit_time,exit_reason," +
        "realized_pnl,r_multiple,status";

    private const string SignalsHeader =
        "signal_id,strategy,venue,symbol,interval,direction,entry,stop_loss,take_profit,risk_reward,confidence,reason,signal_at,published," +
        "suppressed_reason,regime,higher_timeframe,higher_timeframe_trend,macro_trend,backtest,created_at";

    private static readonly DateTimeOffset Day = new(2025, 11, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("trading-export-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Fact]
    public async Task Exports_the_trades_opened_in_the_window_as_csv_from_included_to_excluded()
    {
        await using var schema = await TradesAsync();

        var exitCode = await RunAsync(schema, "--trades", "--from", "2025-11-10", "--to", "2025-11-11T00:00:00Z");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            TradesHeader + "\r\n" +
            "00000000-0000-4000-8000-000000000001,10000000-0000-4000-8000-000000000001,KRAKEN,BTC/USD,long,0.0474,105431.18,12.99," +
            "2025-11-10T00:00:00Z,105609.2,13.0153,2025-11-10T00:09:00Z,take_profit,-17.567552,-0.16,closed\r\n" +
            "00000000-0000-4000-8000-000000000002,10000000-0000-4000-8000-000000000002,KRAKEN,ETH/USD,short,1.5,3550.25,13.85," +
            "2025-11-10T13:45:30.25Z,,,,,,,open\r\n",
            _output.ToString());
        Assert.Contains("Exported 2 trades to standard output.", _errors.ToString());
    }

    [Fact]
    public async Task Exports_the_trades_as_a_json_array_of_one_object_per_line()
    {
        await using var schema = await TradesAsync();

        var exitCode = await RunAsync(schema, "--trades", "--from", "2025-11-10T00:00:00Z", "--to", "2025-11-11", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            """
            [
            {"position_id":"00000000-0000-4000-8000-000000000001","signal_id":"10000000-0000-4000-8000-000000000001","venue":"KRAKEN","symbol":"BTC/USD","direction":"long","quantity":0.0474,"entry_price":105431.18,"entry_fee":12.99,"entry_time":"2025-11-10T00:00:00Z","exit_price":105609.2,"exit_fee":13.0153,"exit_time":"2025-11-10T00:09:00Z","exit_reason":"take_profit","realized_pnl":-17.567552,"r_multiple":-0.16,"status":"closed"},
            {"position_id":"00000000-0000-4000-8000-000000000002","signal_id":"10000000-0000-4000-8000-000000000002","venue":"KRAKEN","symbol":"ETH/USD","direction":"short","quantity":1.5,"entry_price":3550.25,"entry_fee":13.85,"entry_time":"2025-11-10T13:45:30.25Z","exit_price":null,"exit_fee":null,"exit_time":null,"exit_reason":null,"realized_pnl":null,"r_multiple":null,"status":"open"}
            ]

            """,
            _output.ToString());
    }

    [Fact]
    public async Task Without_a_window_exports_every_trade_in_time_order()
    {
        await using var schema = await TradesAsync();

        var exitCode = await RunAsync(schema, "--trades");

        var lines = _output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["2025-11-09T23:59:59.999999Z", "2025-11-10T00:00:00Z", "2025-11-10T13:45:30.25Z", "2025-11-11T00:00:00Z"],
            lines.Skip(1).Select(line => line.Split(',')[8]));
    }

    [Fact]
    public async Task Exports_published_and_suppressed_signals_quoting_per_rfc_4180_and_writing_jsonb_as_its_text()
    {
        await using var schema = await SignalsAsync();

        var exitCode = await RunAsync(schema, "--signals", "--to", "2025-11-10T00:15:00Z");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            SignalsHeader + "\r\n" +
            "20000000-0000-4000-8000-000000000001,ema-cross,KRAKEN,BTC/USD,1m,Long,105410.1,105300,105630.3,2,0.62," +
            "\"EMA(9) crossed above EMA(21), \"\"fast\"\"\",2025-11-10T00:05:00Z,true,,Trending,5m,Up,Flat," +
            "\"{\"\"passed\"\": true, \"\"trades\"\": 120}\",2025-11-10T00:05:00.5Z\r\n" +
            "20000000-0000-4000-8000-000000000002,rsi-reversion,KRAKEN,BTC/USD,1m,Short,105500,105600,105250,2.5,0.55," +
            "RSI back below 65,2025-11-10T00:10:00Z,false,no backtest record for rsi-reversion on BTC/USD 1m,,,,,,2025-11-10T00:10:01Z\r\n",
            _output.ToString());
    }

    [Fact]
    public async Task Exports_signals_as_json_with_jsonb_as_a_json_value()
    {
        await using var schema = await SignalsAsync();

        var exitCode = await RunAsync(schema, "--signals", "--from", "2025-11-10T00:05:00Z", "--to", "2025-11-10T00:10:00Z", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            """
            [
            {"signal_id":"20000000-0000-4000-8000-000000000001","strategy":"ema-cross","venue":"KRAKEN","symbol":"BTC/USD","interval":"1m","direction":"Long","entry":105410.1,"stop_loss":105300,"take_profit":105630.3,"risk_reward":2,"confidence":0.62,"reason":"EMA(9) crossed above EMA(21), \"fast\"","signal_at":"2025-11-10T00:05:00Z","published":true,"suppressed_reason":null,"regime":"Trending","higher_timeframe":"5m","higher_timeframe_trend":"Up","macro_trend":"Flat","backtest":{"passed": true, "trades": 120},"created_at":"2025-11-10T00:05:00.5Z"}
            ]

            """,
            _output.ToString());
    }

    [Fact]
    public async Task Exports_every_column_of_the_decisions_table_whatever_columns_it_has()
    {
        await using var schema = await ServiceSchema.CreateAsync("risk");
        await schema.ExecuteAsync("ALTER TABLE decisions ADD COLUMN IF NOT EXISTS inputs jsonb, ADD COLUMN added_later text");
        foreach (var (id, minutes, approved) in new[] { (1, 0, true), (2, 30, false), (3, 60, true) })
        {
            await schema.ExecuteAsync(
                """
                INSERT INTO decisions (signal_id, symbol, direction, entry, stop_loss, take_profit, equity, open_positions, approved,
                                       quantity, rule, reason, decided_at, inputs, added_later)
                VALUES (@id, 'BTC/USD', 'Long', 105410.1, 105300, 105630.3, 10000, 1, @approved, @quantity, @rule, @reason, @at,
                        '{"equity": 10000, "limits": {"max_positions": 3}}'::jsonb, 'x, "y"')
                """,
                new
                {
                    id = Id(3, id),
                    approved,
                    quantity = approved ? 0.0474m : 0m,
                    rule = approved ? null : "max-open-positions",
                    reason = approved ? "approved" : "3 of 3 positions open",
                    at = Day.AddMinutes(minutes).UtcDateTime,
                });
        }

        var columns = await schema.ColumnsAsync("decisions");
        var csvExit = await RunAsync(schema, "--decisions", "--from", "2025-11-10T00:00:00Z", "--to", "2025-11-10T01:00:00Z");
        var csv = _output.ToString();
        _output.GetStringBuilder().Clear();
        var jsonExit = await RunAsync(schema, "--decisions", "--from", "2025-11-10T00:00:00Z", "--to", "2025-11-10T01:00:00Z", "--format", "json");
        using var json = JsonDocument.Parse(_output.ToString());

        Assert.Equal((0, 0), (csvExit, jsonExit));
        Assert.Contains("inputs", columns);
        var records = Csv(csv);
        Assert.Equal(columns, records[0]);
        Assert.Equal(3, records.Count);
        var rows = records.Skip(1).Select(record => columns.Zip(record).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(
            [
                (Id(3, 1).ToString(), "true", "0.0474", "", "approved", "2025-11-10T00:00:00Z"),
                (Id(3, 2).ToString(), "false", "0", "max-open-positions", "3 of 3 positions open", "2025-11-10T00:30:00Z"),
            ],
            rows.Select(r => (r["signal_id"], r["approved"], r["quantity"], r["rule"], r["reason"], r["decided_at"])));
        Assert.All(rows, r => Assert.Equal(("""{"equity": 10000, "limits": {"max_positions": 3}}""", "x, \"y\""), (r["inputs"], r["added_later"])));

        var objects = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, objects.Count);
        Assert.All(objects, o => Assert.Equal(columns, o.EnumerateObject().Select(p => p.Name)));
        Assert.All(objects, o => Assert.Equal(3, o.GetProperty("inputs").GetProperty("limits").GetProperty("max_positions").GetInt32()));
        Assert.Equal(
            [("105410.1", "true", "null"), ("105410.1", "false", "\"max-open-positions\"")],
            objects.Select(o => (o.GetProperty("entry").GetRawText(), o.GetProperty("approved").GetRawText(), o.GetProperty("rule").GetRawText())));
    }

    [Fact]
    public async Task Writes_the_rows_to_the_out_file_and_the_count_to_standard_error()
    {
        await using var schema = await TradesAsync();
        var file = Path.Combine(_directory, "trades.csv");

        var exitCode = await RunAsync(schema, "--trades", "--from", "2025-11-10T13:00:00Z", "--out", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("", _output.ToString());
        Assert.Equal(3, File.ReadAllText(file).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"Exported 2 trades to {file}.", _errors.ToString());
        Assert.Equal([file], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_schema_without_the_table_exits_3_and_leaves_no_file()
    {
        await using var schema = await ServiceSchema.CreateAsync("signal");
        var file = Path.Combine(_directory, "trades.csv");

        var exitCode = await RunAsync(schema, "--trades", "--out", file);

        Assert.Equal(3, exitCode);
        Assert.Contains("Could not read trades from schema", _errors.ToString());
        Assert.Contains("\"positions\" does not exist", _errors.ToString());
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData(new string[0], "Missing what to export: pass one of --trades, --signals or --decisions.")]
    [InlineData(new[] { "--trades", "--signals" }, "Pass only one of --trades, --signals or --decisions, not --trades and --signals.")]
    [InlineData(new[] { "--trades", "--from", "yesterday" }, "Bad --from 'yesterday': use an ISO-8601 UTC date or time")]
    [InlineData(new[] { "--trades", "--to", "11/10/2025" }, "Bad --to '11/10/2025': use an ISO-8601 UTC date or time")]
    [InlineData(new[] { "--trades", "--from", "2025-13-01" }, "Bad --from '2025-13-01'")]
    [InlineData(new[] { "--signals", "--from", "2025-11-10", "--to", "2025-11-10" }, "--from 2025-11-10T00:00:00Z is not before --to 2025-11-10T00:00:00Z")]
    [InlineData(new[] { "--decisions", "--format", "xml" }, "xml")]
    [InlineData(new[] { "--decisions", "--out", "/no/such/folder/decisions.csv" }, "Bad --out '/no/such/folder/decisions.csv': its folder does not exist.")]
    public async Task Bad_arguments_exit_2_with_a_clear_message(string[] arguments, string message)
    {
        var exitCode = await Program.InvokeAsync(
            ["export", .. arguments, "--postgres", "Host=127.0.0.1;Port=1;Username=nobody"], TimeProvider.System, _output, _errors);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, _errors.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _output.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Deterministic ids: kind 0 positions, 1 their signals, 2 signals, 3 decisions, 4 orders.
    private static Guid Id(int kind, int n) => Guid.Parse($"{kind}0000000-0000-4000-8000-{n:D12}");

    // Positions 1 and 2 open inside 2025-11-10; 3 opens at its end and 4 a microsecond before it, both outside.
    private static async Task<ServiceSchema> TradesAsync()
    {
        var schema = await ServiceSchema.CreateAsync("execution");
        var opened = new Dictionary<int, DateTimeOffset>
        {
            [1] = Day,
            [2] = Day.AddHours(13).AddMinutes(45).AddSeconds(30.25),
            [3] = Day.AddDays(1),
            [4] = Day.AddTicks(-10),
        };
        foreach (var (n, at) in opened)
        {
            await schema.ExecuteAsync(
                """
                INSERT INTO orders (order_id, client_order_id, signal_id, venue, symbol, side, quantity, entry, stop_loss, take_profit, signal_at,
                                    status, fill_price, fee, filled_at, created_at)
                VALUES (@order, @client, @signal, 'KRAKEN', 'BTC/USD', 'buy', 1, 100, 99, 102, @at, 'filled', 100, 0.26, @at, @at)
                """,
                new { order = Id(4, n), client = $"sig-{n}", signal = Id(1, n), at = at.UtcDateTime });
            await schema.ExecuteAsync(
                """
                INSERT INTO positions (position_id, signal_id, order_id, venue, symbol, direction, quantity, entry_price, entry_fee, stop_loss,
                                       take_profit, opened_at, status, exit_price, exit_fee, exit_reason, realized_pnl, r_multiple, closed_at)
                VALUES (@position, @signal, @order, 'KRAKEN', @symbol, @direction, @quantity, @entryPrice, @entryFee, @stop, @target, @openedAt,
                        @status, @exitPrice, @exitFee, @exitReason, @pnl, @r, @closedAt)
                """,
                n == 2
                    ? new
                    {
                        position = Id(0, n),
                        signal = Id(1, n),
                        order = Id(4, n),
                        symbol = "ETH/USD",
                        direction = "short",
                        quantity = 1.5m,
                        entryPrice = 3550.25m,
                        entryFee = 13.85m,
                        stop = 3580m,
                        target = 3490m,
                        openedAt = at.UtcDateTime,
                        status = "open",
                        exitPrice = (decimal?)null,
                        exitFee = (decimal?)null,
                        exitReason = (string?)null,
                        pnl = (decimal?)null,
                        r = (decimal?)null,
                        closedAt = (DateTime?)null,
                    }
                    : new
                    {
                        position = Id(0, n),
                        signal = Id(1, n),
                        order = Id(4, n),
                        symbol = "BTC/USD",
                        direction = "long",
                        quantity = 0.0474m,
                        entryPrice = 105431.18m,
                        entryFee = 12.99m,
                        stop = 105300m,
                        target = 105609.2m,
                        openedAt = at.UtcDateTime,
                        status = "closed",
                        exitPrice = (decimal?)105609.2m,
                        exitFee = (decimal?)13.0153m,
                        exitReason = (string?)"take_profit",
                        pnl = (decimal?)-17.567552m,
                        r = (decimal?)-0.16m,
                        closedAt = (DateTime?)at.AddMinutes(9).UtcDateTime,
                    });
        }

        return schema;
    }

    private static async Task<ServiceSchema> SignalsAsync()
    {
        var schema = await ServiceSchema.CreateAsync("signal");
        const string insert = """
            INSERT INTO signals (signal_id, strategy, venue, symbol, interval, direction, entry, stop_loss, take_profit, risk_reward,
                                 confidence, reason, signal_at, created_at, published, suppressed_reason, regime, higher_timeframe,
                                 higher_timeframe_trend, macro_trend, backtest)
            VALUES (@id, @strategy, 'KRAKEN', 'BTC/USD', '1m', @direction, @entry, @stop, @target, @rr, @confidence, @reason, @signalAt,
                    @createdAt, @published, @suppressed, @regime, @higher, @higherTrend, @macro, @backtest::jsonb)
            """;
        await schema.ExecuteAsync(insert, new
        {
            id = Id(2, 1),
            strategy = "ema-cross",
            direction = "Long",
            entry = 105410.1m,
            stop = 105300m,
            target = 105630.3m,
            rr = 2m,
            confidence = 0.62m,
            reason = "EMA(9) crossed above EMA(21), \"fast\"",
            signalAt = Day.AddMinutes(5).UtcDateTime,
            createdAt = Day.AddMinutes(5).AddMilliseconds(500).UtcDateTime,
            published = true,
            suppressed = (string?)null,
            regime = (string?)"Trending",
            higher = (string?)"5m",
            higherTrend = (string?)"Up",
            macro = (string?)"Flat",
            backtest = (string?)"""{"trades":120,"passed":true}""",
        });
        foreach (var (n, minutes) in new[] { (2, 10), (3, 15) })
        {
            await schema.ExecuteAsync(insert, new
            {
                id = Id(2, n),
                strategy = "rsi-reversion",
                direction = "Short",
                entry = 105500m,
                stop = 105600m,
                target = 105250m,
                rr = 2.5m,
                confidence = 0.55m,
                reason = "RSI back below 65",
                signalAt = Day.AddMinutes(minutes).UtcDateTime,
                createdAt = Day.AddMinutes(minutes).AddSeconds(1).UtcDateTime,
                published = false,
                suppressed = (string?)"no backtest record for rsi-reversion on BTC/USD 1m",
                regime = (string?)null,
                higher = (string?)null,
                higherTrend = (string?)null,
                macro = (string?)null,
                backtest = (string?)null,
            });
        }

        return schema;
    }

    // RFC 4180 records: quoted fields may hold commas, CR, LF and doubled quotes.
    private static List<List<string>> Csv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }

    private Task<int> RunAsync(ServiceSchema schema, params string[] arguments) =>
        Program.InvokeAsync(["export", .. arguments, "--postgres", schema.Server, "--schema", schema.Name], TimeProvider.System, _output, _errors);
}
