namespace Trading.Cli.Backtest;

/// <summary>Where <see cref="BacktestRunner"/> tells its progress: a progress bar, plain lines, or a test.</summary>
public interface IBacktestReporter
{
    /// <summary>A stage of the run begins; <paramref name="total"/> units of work (candles or symbols) follow.</summary>
    void Stage(string description, long total);

    /// <summary><paramref name="count"/> more units of the current stage are done.</summary>
    void Advance(int count);
}
