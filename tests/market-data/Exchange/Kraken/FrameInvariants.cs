using System.Text;
using System.Text.Json;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;

namespace Trading.MarketData.Tests.Exchange.Kraken;

/// <summary>What every parse result must satisfy, whatever the input; used by the fuzz tests.</summary>
public static class FrameInvariants
{
    public static void Check(byte[] frame, ParsedFrame result)
    {
        try
        {
            CheckResult(frame, result);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException(
                $"{ex.Message}\nkind {result.Kind} ({result.Detail}) for frame: {Encoding.UTF8.GetString(frame)}");
        }
    }

    private static void CheckResult(byte[] frame, ParsedFrame result)
    {
        Assert.NotEqual(FrameKind.None, result.Kind);
        if (!IsValidJson(frame))
        {
            Assert.Equal(FrameKind.Malformed, result.Kind);
        }

        if (result.Kind is FrameKind.Malformed or FrameKind.VenueError or FrameKind.Status)
        {
            Assert.False(string.IsNullOrEmpty(result.Detail));
        }

        if (result.Kind != FrameKind.Trades)
        {
            Assert.Empty(result.Trades);
        }

        if (result.Kind != FrameKind.Quotes)
        {
            Assert.Empty(result.Quotes);
        }

        foreach (var trade in result.Trades)
        {
            Assert.False(string.IsNullOrEmpty(trade.VenueSymbol));
            Assert.False(string.IsNullOrEmpty(trade.TradeId));
            Assert.True(trade.Price > 0);
            Assert.True(trade.Quantity > 0);
            Assert.True(trade.Side is TradeSide.Buy or TradeSide.Sell);
            Assert.NotEqual(default, trade.ExchangeTime);
            Assert.Equal(TimeSpan.Zero, trade.ExchangeTime.Offset);
        }

        foreach (var quote in result.Quotes)
        {
            Assert.False(string.IsNullOrEmpty(quote.VenueSymbol));
            Assert.True(quote.BidPrice > 0 && quote.AskPrice > 0);
            Assert.True(quote.BidQuantity >= 0 && quote.AskQuantity >= 0);
        }
    }

    private static bool IsValidJson(byte[] frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            var tokens = 0;
            while (reader.Read())
            {
                tokens++;
            }

            return tokens > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
