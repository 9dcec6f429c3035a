using System.CommandLine;
using System.Text;
using Spectre.Console;
using Trading.Cli.Indicators;
using Trading.Markets.Backtesting;
using Trading.Markets.Strategies;

namespace Trading.Cli.Backtest;

/// <summary><c>trading backtest</c>: replays candle files through the strategies, risk sizing and paper fills, and reports.</summary>
public static class BacktestCommand
{
    private const string Description = """
        Backtest strategies on candle CSV files (the shared/data/market format). The files' candles are merged into --interval
        with the candle-builder's aggregation and fed through the signal service's strategy code; each signal is sized by the
        risk gate and filled by the paper fill model at the next candle's open. Exits are checked on the files' candles (stop
        before target). Writes trades.csv, report.json and report.html into --out. The symbol of a file is its name up to the
        first length or number (btcusd-perp-ftx-1m-....csv is BTCUSD-PERP-FTX) unless --symbol names it, once per --candles
        in the same order: name it as the live feed does (BTC/USD) so that a published backtest gates that market. Candles before --from only warm the strategies up.
        --check-lookahead recomputes every signal on data ending at its candle instead, writes nothing, and exits with 1 when a
        signal changes. Bad options, unknown strategies and candle files that do not divide the interval exit with 2, a malformed
        file with 1 and the line number; nothing is written then.
        """;

    /// <param name="output">Where progress and the summary go; null for the console, with a progress bar when it is interactive.</param>
    /// <param name="errors">Where errors go; null for standard error.</param>
    public static Command Create(TextWriter? output = null, TextWriter? errors = null) => Create(output, errors, []);

    /// <summary>The command with <paramref name="extraStrategies"/> selectable by name besides the catalog's, for tests
    /// (for example a strategy with planted lookahead).</summary>
    public static Command Create(TextWriter? output, TextWriter? errors, IReadOnlyList<BacktestStrategy> extraStrategies)
    {
        ArgumentNullException.ThrowIfNull(extraStrategies);
        var candles = new Option<string[]>("--candles") { Description = "Candle CSV file; repeat for more symbols" };
        var symbols = new Option<string[]>("--symbol") { Description = "Symbol of each --candles file, in order (e.g. BTC/USD); default from the file name" };
        var interval = new Option<string?>("--interval") { Description = "Interval to run the strategies on: 1m, 2m, 5m, 15m, 30m, 1h, 4h, 1d" };
        var strategies = new Option<string?>("--strategies")
        {
            Description = $"Comma-separated strategies (default: all of {string.Join(", ", StrategyCatalog.Names)})",
        };
        var parameters = new Option<string?>("--parameters")
        {
            Description = "JSON file of strategy parameters shaped like the signal service's Signal:Parameters, e.g. {\"EmaCross\": {\"FastPeriod\": 12}}",
        };
        var from = new Option<string?>("--from") { Description = "Start of trading, UTC; earlier candles warm up" };
        var to = new Option<string?>("--to") { Description = "End of the data, UTC, excluded" };
        var outDirectory = new Option<string?>("--out") { Description = "Folder to write trades.csv, report.json and report.html into" };
        var equity = new Option<decimal>("--equity") { Description = "Starting equity of each account", DefaultValueFactory = _ => 10_000m };
        var maxHolding = new Option<string>("--max-holding") { Description = "Close a position held this long (m, h, d)", DefaultValueFactory = _ => "24h" };
        var slippage = new Option<decimal>("--slippage-bps") { Description = "Paper fill slippage in basis points", DefaultValueFactory = _ => 2m };
        var feeRate = new Option<decimal>("--fee-rate") { Description = "Fee as a fraction of notional", DefaultValueFactory = _ => 0.0026m };
        var walkForward = new Option<string?>("--walk-forward") { Description = "Rolling in-sample:out-of-sample windows, for example 30d:7d" };
        var checkLookahead = new Option<bool>("--check-lookahead") { Description = "Check the strategies for lookahead bias instead of backtesting" };

        var command = new Command("backtest", Description)
        {
            candles, symbols, interval, strategies, parameters, from, to, outDirectory, equity, maxHolding, slippage, feeRate, walkForward, checkLookahead,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var err = errors ?? Console.Error;
            var values = new BacktestOptionValues
            {
                CandleFiles = result.GetValue(candles),
                Symbols = result.GetValue(symbols),
                Interval = result.GetValue(interval),
                Strategies = result.GetValue(strategies),
                ParametersFile = result.GetValue(parameters),
                From = result.GetValue(from),
                To = result.GetValue(to),
                Output = result.GetValue(outDirectory),
                Equity = result.GetValue(equity),
                MaxHolding = result.GetValue(maxHolding),
                SlippageBps = result.GetValue(slippage),
                FeeRate = result.GetValue(feeRate),
                WalkForward = result.GetValue(walkForward),
                CheckLookahead = result.GetValue(checkLookahead),
            };
            if (!BacktestArguments.TryCreate(values, extraStrategies, out var request, out var error))
            {
                err.WriteLine(error);
                return Task.FromResult(Program.BadArgumentsExitCode);
            }

            return Task.FromResult(Run(request, output, err, cancellationToken));
        });
        return command;
    }

    private static int Run(BacktestRequest request, TextWriter? output, TextWriter errors, CancellationToken cancellationToken)
    {
        var lines = output ?? Console.Out;
        try
        {
            var inputs = new List<BacktestInput>();
            for (var i = 0; i < request.CandleFiles.Count; i++)
            {
                var input = BacktestInput.Read(request.CandleFiles[i], cancellationToken);
                inputs.Add(request.Symbols is { } named ? input with { Symbol = named[i] } : input);
            }

            if (Refuse(request, inputs) is { } refusal)
            {
                errors.WriteLine(refusal);
                return Program.BadArgumentsExitCode;
            }

            var interactive = output is null && AnsiConsole.Profile.Capabilities.Interactive;
            if (request.CheckLookahead)
            {
                return CheckLookahead(request, inputs, interactive, lines, cancellationToken);
            }

            var gate = new LiveGate();
            var outcome = interactive
                ? AnsiConsole.Progress().Start(context => BacktestRunner.Run(request, inputs, gate, new ProgressBarBacktestReporter(context), cancellationToken))
                : BacktestRunner.Run(request, inputs, gate, new PlainBacktestReporter(lines), cancellationToken);
            WriteFiles(request, inputs, outcome, gate);
            if (interactive)
            {
                BacktestSummaryTable.WriteConsole(outcome);
            }
            else
            {
                BacktestSummaryTable.WriteText(lines, outcome);
            }

            lines.WriteLine(
                $"Wrote {outcome.Results.Sum(r => r.Trades.Count)} trades of {outcome.Results.Count} strategy × symbol results" +
                $"{(outcome.Windows is { } windows ? $" and {windows.Count} walk-forward windows" : "")} to {request.OutputDirectory} " +
                "(trades.csv, report.json, report.html)");
            return 0;
        }
        catch (CandleCsvFormatException exception)
        {
            errors.WriteLine(exception.Message);
            return 1;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(exception.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.WriteLine("Interrupted; nothing was written.");
            return 130;
        }
    }

    private static string? Refuse(BacktestRequest request, List<BacktestInput> inputs)
    {
        foreach (var input in inputs)
        {
            if (input.CheckFits(request.Interval) is { } problem)
            {
                return problem;
            }
        }

        var duplicate = inputs.GroupBy(i => i.Symbol).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"{string.Join(" and ", duplicate.Select(i => i.Path))} both give the symbol {duplicate.Key}; give one file per symbol.";
        }

        var empty = inputs.FirstOrDefault(i => i.Candles.Length == 0);
        return empty is null ? null : $"{empty.Path} holds no candles.";
    }

    private static int CheckLookahead(BacktestRequest request, List<BacktestInput> inputs, bool interactive, TextWriter lines, CancellationToken cancellationToken)
    {
        var signalsChecked = 0;
        var findings = interactive
            ? AnsiConsole.Progress().Start(context => BacktestRunner.CheckLookahead(request, inputs, new ProgressBarBacktestReporter(context), cancellationToken, out signalsChecked))
            : BacktestRunner.CheckLookahead(request, inputs, new PlainBacktestReporter(lines), cancellationToken, out signalsChecked);
        var strategies = string.Join(", ", request.Strategies.Select(s => s.Name));
        if (findings.Count == 0)
        {
            lines.WriteLine($"No lookahead: {signalsChecked} signals of {strategies} on {request.Interval.Code} are the same on data ending at their candle.");
            return 0;
        }

        lines.WriteLine($"Lookahead bias: {findings.Count} of {signalsChecked} signals change when the data after their candle is removed.");
        foreach (var finding in findings)
        {
            lines.WriteLine($"{finding.Strategy} {finding.Symbol} {finding.Interval.Code} at {Download.CandleCsvFile.FormatTime(finding.SignalAt)}: {finding.Difference}");
        }

        return 1;
    }

    // Everything is computed before this runs; each file is written beside its target and moved over it, so a failure never
    // leaves half a file.
    private static void WriteFiles(BacktestRequest request, IReadOnlyList<BacktestInput> inputs, BacktestOutcome outcome, LiveGate gate)
    {
        var directory = request.OutputDirectory!;
        Directory.CreateDirectory(directory);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        WriteText(Path.Combine(directory, "trades.csv"), encoding, writer => TradesCsvWriter.Write(writer, outcome.Results));
        WriteText(Path.Combine(directory, "report.html"), encoding, writer => BacktestReportHtml.Write(writer, request, inputs, outcome));
        var json = Path.Combine(directory, "report.json");
        using (var stream = File.Create(json + ".partial"))
        {
            BacktestReportJson.Write(stream, request, inputs, outcome, gate);
        }

        File.Move(json + ".partial", json, overwrite: true);
    }

    private static void WriteText(string path, Encoding encoding, Action<TextWriter> write)
    {
        using (var writer = new StreamWriter(path + ".partial", append: false, encoding, 1 << 16))
        {
            write(writer);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }
}
