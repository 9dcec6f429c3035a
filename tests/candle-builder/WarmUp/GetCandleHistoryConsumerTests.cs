using MassTransit;
using Trading.CandleBuilder.WarmUp;

namespace Trading.CandleBuilder.Tests.WarmUp;

public sealed class GetCandleHistoryConsumerTests
{
    [Fact]
    public void Its_queue_is_named_after_the_service_and_the_consumer()
    {
        var formatter = new KebabCaseEndpointNameFormatter("candle-builder", includeNamespace: false);

        Assert.Equal("candle-builder-get-candle-history", formatter.Consumer<GetCandleHistoryConsumer>());
    }

    [Fact]
    public void The_fetch_requests_go_to_the_queue_market_data_names_after_its_consumer()
    {
        Assert.Equal("market-data-fetch-venue-candles", CandleWarmUpRegistration.FetchVenueCandlesQueue);
    }
}
