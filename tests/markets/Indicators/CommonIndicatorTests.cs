using System.Globalization;
using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

// The contract every indicator keeps (after Lean's CommonIndicatorTests): it matches TA-Lib on real candles, is ready exactly
// at its warm-up period, resets to a clean state and ignores input that does not move time forward.
// An indicator with a column in the TA-Lib reference files is checked against that column; one without (TA-Lib's output is not
// in the files) overrides Expected with an independent, from-the-definition computation over the same candles.
public abstract class CommonIndicatorTests<T>
    where T : IndicatorBase
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>The reference column of an indicator with one output, read from <see cref="IndicatorBase.Current"/>.</summary>
    protected virtual string ReferenceColumn => throw new InvalidOperationException($"{GetType().Name} sets neither ReferenceColumn nor Outputs.");

    /// <summary>Every output checked against the reference; the first one decides on which rows the indicator must be ready.</summary>
    protected virtual IReadOnlyList<Output> Outputs => [new(ReferenceColumn, indicator => indicator.Current.Value)];

    protected abstract T CreateIndicator();

    protected abstract bool Update(T indicator, Candle candle);

    /// <summary>The expected value of <paramref name="output"/> on each row of <paramref name="file"/>, null where there is none.</summary>
    protected virtual IReadOnlyList<double?> Expected(ReferenceFile file, Output output) => file.ReadColumn(output.Column);

    [Theory]
    [MemberData(nameof(ReferenceFile.Names), MemberType = typeof(ReferenceFile))]
    public void Matches_the_reference_on_every_row_it_has_a_value(string referenceFile)
    {
        var file = ReferenceFile.Named(referenceFile);
        var outputs = Outputs;
        var expected = outputs.Select(output => Expected(file, output)).ToList();
        var candles = file.ReadCandles();
        var indicator = CreateIndicator();

        var mismatches = new List<string>();
        for (var row = 0; row < candles.Count; row++)
        {
            Update(indicator, candles[row]);
            for (var i = 0; i < outputs.Count; i++)
            {
                if (expected[i][row] is not { } reference)
                {
                    continue;
                }

                var actual = outputs[i].Read(indicator);
                var tolerance = outputs[i].AbsoluteTolerance ?? RelativeTolerance * Math.Max(1, Math.Abs(reference));
                if (!(Math.Abs(actual - reference) <= tolerance))
                {
                    mismatches.Add($"{outputs[i].Column} row {row}: expected {reference:R}, got {actual:R}");
                }
            }
        }

        Assert.Empty(mismatches.Take(5));
        Assert.All(expected, column => Assert.True(column.Count(value => value is not null) > candles.Count / 2, "The reference column is mostly empty."));
    }

    [Theory]
    [MemberData(nameof(ReferenceFile.Names), MemberType = typeof(ReferenceFile))]
    public void Is_ready_on_exactly_the_rows_where_the_reference_has_a_value(string referenceFile)
    {
        var file = ReferenceFile.Named(referenceFile);
        var expected = Expected(file, Outputs[0]);
        var indicator = CreateIndicator();

        var readiness = file.ReadCandles().Select(candle => Update(indicator, candle)).ToList();

        Assert.Equal(expected.Select(value => value is not null), readiness);
    }

    [Fact]
    public void Becomes_ready_exactly_when_samples_reach_the_warm_up_period()
    {
        var candles = ReferenceFile.All[0].ReadCandles().Take(100).ToList();
        var indicator = CreateIndicator();

        var steps = candles.Select(candle => (Returned: Update(indicator, candle), indicator.IsReady, indicator.Samples)).ToList();

        var expected = Enumerable.Range(1, candles.Count)
            .Select(samples => (samples >= indicator.WarmUpPeriod, samples >= indicator.WarmUpPeriod, (long)samples));
        Assert.Equal(expected, steps);
    }

    [Fact]
    public void Keeps_current_at_default_until_ready()
    {
        var candles = ReferenceFile.All[0].ReadCandles();
        var indicator = CreateIndicator();

        var warmingUp = Run(indicator, candles.Take(indicator.WarmUpPeriod - 1)).Select(step => step.Current);
        var first = Run(indicator, [candles[indicator.WarmUpPeriod - 1]]).Single().Current;

        Assert.All(warmingUp, current => Assert.Equal(default, current));
        Assert.Equal(candles[indicator.WarmUpPeriod - 1].OpenedAt, first.Time);
    }

    [Fact]
    public void Reset_restores_the_initial_state_so_a_rerun_gives_identical_values()
    {
        var candles = ReferenceFile.All[0].ReadCandles();
        var indicator = CreateIndicator();
        var firstRun = Run(indicator, candles);

        indicator.Reset();
        var stateAfterReset = (indicator.Samples, indicator.IsReady, indicator.Current);
        var secondRun = Run(indicator, candles);

        Assert.Equal((0L, false, default(IndicatorValue)), stateAfterReset);
        Assert.Equal(firstRun, secondRun);
    }

    [Fact]
    public void Ignores_input_that_is_not_newer_than_the_last_accepted_input()
    {
        var candles = ReferenceFile.All[0].ReadCandles().Take(60).ToList();
        var indicator = CreateIndicator();
        var undisturbed = CreateIndicator();
        foreach (var candle in candles.Take(40))
        {
            Update(indicator, candle);
            Update(undisturbed, candle);
        }

        var before = (indicator.Samples, indicator.Current);
        var repeated = Update(indicator, candles[39] with { Close = candles[39].Close * 2, High = candles[39].High * 2 });
        var older = Update(indicator, candles[10]);
        var after = (indicator.Samples, indicator.Current);
        var rest = candles.Skip(40).ToList();

        Assert.Equal(indicator.IsReady, repeated);
        Assert.Equal(indicator.IsReady, older);
        Assert.Equal(before, after);
        Assert.Equal(Run(undisturbed, rest), Run(indicator, rest));
    }

    // Current after each candle, with every output written out so that a multi-output indicator is compared whole.
    private List<(IndicatorValue Current, string Outputs)> Run(T indicator, IEnumerable<Candle> candles) =>
        candles.Select(candle =>
        {
            Update(indicator, candle);
            var outputs = indicator.IsReady ? string.Join(' ', Outputs.Select(output => output.Read(indicator).ToString("R", CultureInfo.InvariantCulture))) : "";
            return (indicator.Current, outputs);
        }).ToList();

    /// <summary>One output of the indicator: its reference column, how to read it, and an absolute tolerance replacing the
    /// default 1e-9 × max(1, |reference|) where the reference README allows one.</summary>
    protected sealed record Output(string Column, Func<T, double> Read, double? AbsoluteTolerance = null);
}
