using Spectre.Console;

namespace Trading.Cli.Backtest;

/// <summary>One Spectre progress bar per stage.</summary>
public sealed class ProgressBarBacktestReporter(ProgressContext context) : IBacktestReporter
{
    private ProgressTask? _task;

    public void Stage(string description, long total)
    {
        if (_task is not null)
        {
            _task.Value = _task.MaxValue;
        }

        _task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
    }

    public void Advance(int count) => _task?.Increment(count);
}
