using System.Globalization;
using Trading.Contracts.MarketData;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.Execution;

/// <summary>One trade of the recorded Kraken BTC/USDT tape, with its line number as trade id.</summary>
public sealed record TapeTrade(int Index, string TradeId, decimal Price, decimal Quantity, TradeSide Side, DateTimeOffset ExchangeTime)
{
    public const string File = "btcusdt-kraken-trades-20251110.csv";

    public static IReadOnlyList<TapeTrade> Read() =>
        [.. System.IO.File.ReadLines(RepositoryPaths.MarketFile(File)).Skip(1).Where(line => line.Length > 0).Select((line, index) =>
        {
            var cells = line.Split(',');
            return new TapeTrade(
                index,
                "kraken-" + index.ToString(CultureInfo.InvariantCulture),
                decimal.Parse(cells[1], CultureInfo.InvariantCulture),
                decimal.Parse(cells[2], CultureInfo.InvariantCulture),
                cells[3] == "buy" ? TradeSide.Buy : TradeSide.Sell,
                DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
        })];

    public Trade ToTrade() => new()
    {
        TradeId = TradeId,
        Price = Price,
        Quantity = Quantity,
        Side = Side,
        ExchangeTime = ExchangeTime,
        ReceivedAt = ExchangeTime,
    };
}
