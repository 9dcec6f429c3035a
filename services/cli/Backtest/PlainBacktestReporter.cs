using System.Globalization;

namespace Trading.Cli.Backtest;

/// <summary>A line per stage and per tenth of it, for logs and pipes where a progress bar would be noise.</summary>
public sealed class PlainBacktestReporter(TextWriter output) : IBacktestReporter
{
    private string _stage = "";
    private long _total;
    private long _done;
    private int _lastTenth;

    public void Stage(string description, long total)
    {
        _stage = description;
        _total = Math.Max(1, total);
        _done = 0;
        _lastTenth = 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{description}: {total:N0} to do"));
    }

    public void Advance(int count)
    {
        _done = Math.Min(_total, _done + count);
        var tenth = (int)(_done * 10 / _total);
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_stage}: {tenth * 10,3}% ({_done:N0} of {_total:N0})"));
        }
    }
}
