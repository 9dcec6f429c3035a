using MassTransit;
using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Integration.Tests.Signal;

/// <summary>A bus publishing closed candles the way candle-builder does: same topology and fields, one message id per candle key.</summary>
internal sealed class CandleBus(IBusControl bus) : IAsyncDisposable
{
    public static async Task<CandleBus> StartAsync(string rabbitMq)
    {
        var address = RabbitMqAddress.Parse(rabbitMq, "ConnectionStrings:RabbitMq");
        var control = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
                host.PublisherConfirmation = true;
            });
            MessagingRegistration.ConfigureTopology(rabbit);
        });
        await control.StartAsync();
        return new CandleBus(control);
    }

    /// <summary>The message candle-builder publishes for <paramref name="candle"/> (CandleSeriesProcessor.PublishClosedAsync).</summary>
    public static CandleClosed Message(string venue, string symbol, Interval interval, Candle candle) => new()
    {
        Venue = venue,
        Symbol = symbol,
        Interval = interval.Code,
        OpenedAt = candle.OpenedAt,
        ClosedAt = candle.ClosedAt,
        Open = candle.Open,
        High = candle.High,
        Low = candle.Low,
        Close = candle.Close,
        Volume = candle.Volume,
        QuoteVolume = candle.QuoteVolume,
        Vwap = candle.Vwap,
        BuyVolume = candle.BuyVolume,
        SellVolume = candle.SellVolume,
        TradeCount = candle.TradeCount,
        IsSynthetic = candle.IsSynthetic,
    };

    /// <summary>
    /// One id per (venue, symbol, interval, open time). candle-builder's outbox gives each published candle a fresh id, and its
    /// candles table publishes each key once, so ids are unique per key there too; a derived id keeps a rerun comparable.
    /// </summary>
    public static Guid MessageId(CandleClosed candle) =>
        DeterministicGuid.Create($"CandleClosed|{candle.Venue}|{candle.Symbol}|{candle.Interval}|{candle.OpenedAt.ToUniversalTime():O}");

    public Task PublishAsync(CandleClosed candle) =>
        bus.Publish(candle, context => context.MessageId = MessageId(candle));

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
