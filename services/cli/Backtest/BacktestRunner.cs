using Trading.Markets;
using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>Runs the backtests of a request over its inputs, symbol by symbol, with progress.</summary>
public static class BacktestRunner
{
    public static BacktestOutcome Run(
        BacktestRequest request, IReadOnlyList<BacktestInput> inputs, LiveGate gate, IBacktestReporter reporter, CancellationToken cancellationToken)
    {
        var results = new List<BacktestResult>();
        reporter.Stage($"backtest {request.Interval.Code}", inputs.Sum(input => CountUntil(input.Candles, request.To)));
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.AddRange(BacktestEngine.Run(RunOf(request, input, request.From, request.To), reporter.Advance));
        }

        var from = results.Min(r => r.From);
        var to = results.Max(r => r.To);
        List<WalkForwardOutcome>? windows = null;
        if (request.WalkForward is var (inSample, outOfSample))
        {
            // Each symbol gets the windows of its own data range: files of different years share no window.
            windows = [];
            var planned = inputs
                .Select(input => (Input: input, Range: results.First(r => r.Symbol == input.Symbol)))
                .SelectMany(x => WalkForward.Windows(x.Range.From, x.Range.To, inSample, outOfSample).Select(window => (x.Input, Window: window)))
                .ToList();
            reporter.Stage(
                $"walk-forward {planned.Count} windows",
                planned.Sum(p => CountUntil(p.Input.Candles, p.Window.InSampleTo) + CountUntil(p.Input.Candles, p.Window.OutOfSampleTo)));
            foreach (var (input, window) in planned)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var inSampleResults = BacktestEngine.Run(RunOf(request, input, window.InSampleFrom, window.InSampleTo), reporter.Advance);
                var outOfSampleResults = BacktestEngine.Run(RunOf(request, input, window.InSampleTo, window.OutOfSampleTo), reporter.Advance);
                windows.Add(new WalkForwardOutcome(input.Symbol, window, inSampleResults, outOfSampleResults));
            }
        }

        return new BacktestOutcome(results, [.. results.Select(r => gate.Evaluate(r.Statistics, r.Interval))], from, to, windows);
    }

    public static IReadOnlyList<LookaheadFinding> CheckLookahead(
        BacktestRequest request, IReadOnlyList<BacktestInput> inputs, IBacktestReporter reporter, CancellationToken cancellationToken, out int signalsChecked)
    {
        var findings = new List<LookaheadFinding>();
        signalsChecked = 0;
        // One step per strategy and file: the check replays the data once per signal, so a strategy takes a while.
        reporter.Stage($"lookahead check {request.Interval.Code}", inputs.Count * request.Strategies.Count);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = LookaheadCheck.Run(RunOf(request, input, null, request.To), reporter.Advance);
            signalsChecked += result.SignalsChecked;
            findings.AddRange(result.Findings);
        }

        return findings;
    }

    private static BacktestRun RunOf(BacktestRequest request, BacktestInput input, DateTimeOffset? from, DateTimeOffset? to) => new()
    {
        Symbol = input.Symbol,
        Interval = request.Interval,
        Candles = input.Candles,
        Strategies = request.Strategies,
        Settings = request.Settings,
        TradeFrom = from,
        TradeTo = to,
    };

    // Input candles closed at or before end: the ones a run up to end reads.
    private static long CountUntil(Candle[] candles, DateTimeOffset? end)
    {
        if (end is not { } limit)
        {
            return candles.Length;
        }

        int low = 0, high = candles.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (candles[middle].ClosedAt <= limit)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
