using Trading.Markets.Risk;

namespace Trading.Markets.Tests.Risk;

public sealed class TradeEdgeTests
{
    [Theory]
    [InlineData("0.55", "2", "1", "0.325")]
    [InlineData("0.6", "1", "1", "0.2")]
    [InlineData("0.4", "3", "1.5", "0.1")]
    [InlineData("0.5", "1", "1", "0")]
    [InlineData("0.3", "1", "1", "-0.4")]
    [InlineData("1", "2", "1", "1")]
    public void Kelly_is_the_win_rate_less_the_loss_rate_over_the_payoff(string winRate, string averageWin, string averageLoss, string kelly)
    {
        var edge = new TradeEdge { WinRate = Parse(winRate), AverageWinR = Parse(averageWin), AverageLossR = Parse(averageLoss) };

        Assert.Equal(Parse(kelly), edge.Kelly);
        Assert.Equal(Parse(averageWin) / Parse(averageLoss), edge.Payoff);
    }

    [Theory]
    [InlineData("-0.01", "1", "1", "WinRate")]
    [InlineData("1.01", "1", "1", "WinRate")]
    [InlineData("0.5", "0", "1", "AverageWinR")]
    [InlineData("0.5", "1", "0", "AverageLossR")]
    public void Refuses_figures_out_of_range(string winRate, string averageWin, string averageLoss, string parameter)
    {
        var edge = new TradeEdge { WinRate = Parse(winRate), AverageWinR = Parse(averageWin), AverageLossR = Parse(averageLoss) };

        var exception = Assert.Throws<ArgumentOutOfRangeException>(edge.Validate);

        Assert.Equal(parameter, exception.ParamName);
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
