using System.Globalization;
using Microsoft.Extensions.Configuration;
using Trading.Markets;
using Trading.Markets.Backtesting;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Cli.Backtest;

/// <summary>Turns the command's raw option values into a <see cref="BacktestRequest"/>, or a message saying what is wrong.</summary>
public static class BacktestArguments
{
    public static bool TryCreate(
        BacktestOptionValues values,
        IReadOnlyList<BacktestStrategy> extraStrategies,
        out BacktestRequest request,
        out string error)
    {
        request = null!;
        error = "";
        if (values.CandleFiles is not { Count: > 0 } files)
        {
            error = "Missing --candles, a candle CSV file (time_utc_iso,open,high,low,close,volume); repeat it for more symbols.";
            return false;
        }

        var missing = files.FirstOrDefault(file => !File.Exists(file));
        if (missing is not null)
        {
            error = $"--candles {missing} does not exist.";
            return false;
        }

        string[]? symbols = null;
        if (values.Symbols is { Count: > 0 } given)
        {
            if (given.Count != files.Count)
            {
                error = $"{given.Count} --symbol for {files.Count} --candles: give one symbol per candle file, in the same order.";
                return false;
            }

            symbols = [.. given.Select(s => s.Trim().ToUpperInvariant())];
            if (symbols.FirstOrDefault(s => s.Length == 0 || s.Any(char.IsWhiteSpace)) is { } bad)
            {
                error = $"--symbol '{bad}' is not a symbol; give it as the venue feed names it, for example BTC/USD.";
                return false;
            }
        }

        if (!Interval.TryParse(values.Interval?.Trim(), out var interval))
        {
            error = $"Bad or missing --interval '{values.Interval}': use one of {string.Join(", ", Interval.All.Select(i => i.Code))}.";
            return false;
        }

        if (!TryParameters(values.ParametersFile, out var settings, out error)
            || !TryStrategies(values.Strategies, extraStrategies, settings, out var strategies, out error))
        {
            return false;
        }

        DateTimeOffset? from = null, to = null;
        if (values.From is not null)
        {
            if (!TryParseTime(values.From, out var parsed))
            {
                error = $"Bad --from '{values.From}': use a UTC date or time such as 2022-01-01 or 2022-01-01T12:00:00Z.";
                return false;
            }

            from = parsed;
        }

        if (values.To is not null)
        {
            if (!TryParseTime(values.To, out var parsed))
            {
                error = $"Bad --to '{values.To}': use a UTC date or time such as 2022-01-08 or 2022-01-08T12:00:00Z.";
                return false;
            }

            to = parsed;
        }

        if (from >= to)
        {
            error = $"--from {values.From} is not before --to {values.To}.";
            return false;
        }

        if (values.Equity <= 0m)
        {
            error = $"Bad --equity {values.Equity.ToString(CultureInfo.InvariantCulture)}: the starting equity must be positive.";
            return false;
        }

        if (!BacktestDuration.TryParse(values.MaxHolding, out var maxHolding))
        {
            error = $"Bad --max-holding '{values.MaxHolding}': use a duration such as 90m, 24h or 3d.";
            return false;
        }

        if (values.SlippageBps < 0m || values.FeeRate < 0m || values.FeeRate >= 1m)
        {
            error = "Bad --slippage-bps or --fee-rate: slippage must not be negative, and the fee rate must be from 0 to below 1.";
            return false;
        }

        (TimeSpan, TimeSpan)? walkForward = null;
        if (values.WalkForward is not null)
        {
            var parts = values.WalkForward.Split(':');
            if (parts.Length != 2 || !BacktestDuration.TryParse(parts[0], out var inSample) || !BacktestDuration.TryParse(parts[1], out var outOfSample))
            {
                error = $"Bad --walk-forward '{values.WalkForward}': use IN:OUT durations such as 30d:7d (units m, h, d).";
                return false;
            }

            walkForward = (inSample, outOfSample);
        }

        if (!values.CheckLookahead && string.IsNullOrWhiteSpace(values.Output))
        {
            error = "Missing --out, the folder to write trades.csv, report.json and report.html into.";
            return false;
        }

        if (!values.CheckLookahead && File.Exists(values.Output))
        {
            error = $"--out {values.Output} is a file; give a folder.";
            return false;
        }

        request = new BacktestRequest
        {
            CandleFiles = [.. files.Select(Path.GetFullPath)],
            Symbols = symbols,
            Interval = interval,
            Strategies = strategies,
            From = from,
            To = to,
            OutputDirectory = values.CheckLookahead ? null : Path.GetFullPath(values.Output!),
            Settings = new BacktestSettings
            {
                StartingEquity = values.Equity,
                MaxHolding = maxHolding,
                FillModel = new PaperFillModel { SlippageBps = values.SlippageBps, FeeRate = values.FeeRate },
            },
            WalkForward = walkForward,
            CheckLookahead = values.CheckLookahead,
        };
        return true;
    }

    // The strategies' parameters from a JSON file shaped like the signal service's Signal:Parameters section, so a backtest runs
    // exactly what the service runs: {"EmaCross": {"FastPeriod": 12}, ...}; a strategy not in the file keeps its defaults.
    private static bool TryParameters(string? file, out StrategySettings settings, out string error)
    {
        settings = new StrategySettings();
        error = "";
        if (file is null)
        {
            return true;
        }

        if (!File.Exists(file))
        {
            error = $"--parameters {file} does not exist.";
            return false;
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false).Build();
            settings = configuration.Get<StrategySettings>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new StrategySettings();
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            error = $"--parameters {file}: {exception.Message}";
            return false;
        }

        foreach (var name in StrategyCatalog.Names)
        {
            try
            {
                StrategyCatalog.Create(name, settings);
            }
            catch (ArgumentException exception)
            {
                error = $"--parameters {file}: {name} refuses its parameters: {exception.Message}";
                return false;
            }
        }

        return true;
    }

    private static bool TryStrategies(
        string? list,
        IReadOnlyList<BacktestStrategy> extra,
        StrategySettings settings,
        out IReadOnlyList<BacktestStrategy> strategies,
        out string error)
    {
        strategies = [];
        error = "";
        var names = string.IsNullOrWhiteSpace(list)
            ? [.. StrategyCatalog.Names]
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var known = StrategyCatalog.Names.Concat(extra.Select(s => s.Name)).ToList();
        var unknown = names.Where(name => !known.Contains(name, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || names.Count == 0)
        {
            error = $"Unknown strategy {string.Join(", ", unknown.Select(n => $"'{n}'"))} in --strategies; the strategies are {string.Join(", ", known)}.";
            return false;
        }

        strategies = [.. names.Select(name => extra.FirstOrDefault(s => s.Name == name) ?? BacktestStrategy.FromCatalog(name, settings))];
        return true;
    }

    // A time without an offset is UTC, never the machine's local time.
    private static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(
            text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
