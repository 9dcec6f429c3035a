using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Trading.Contracts.Candles;
using Trading.FakeVenues;
using Trading.MarketData.History;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.History;

public sealed class FetchVenueCandlesConsumerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Minute = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Minute.AddSeconds(30));
    private FakeOhlcServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOhlcServer.StartAsync(FakeOhlcTape.Minutes(Minute.AddMinutes(-120), 121), _time.GetUtcNow);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<HistoryRequestPacers>();
        services.AddHttpClient(LiveFeedService.KrakenRestClientName, http => http.BaseAddress = _server.BaseAddress);
        services.AddHttpClient(LiveFeedService.CoinbaseRestClientName, http => http.BaseAddress = _server.BaseAddress);
        services.AddMassTransitTestHarness(bus => bus.AddConsumer<FetchVenueCandlesConsumer>());
        _services = services.BuildServiceProvider(validateScopes: true);
        await _services.GetRequiredService<ITestHarness>().Start();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Answers_with_the_venue_candles_of_the_range()
    {
        var client = _services.GetRequiredService<ITestHarness>().GetRequestClient<FetchVenueCandles>();

        var response = await client.GetResponse<CandleHistory>(Request());

        Assert.Equal(30, response.Message.Candles.Count);
        Assert.Equal(Minute.AddMinutes(-30), response.Message.Candles[0].OpenedAt);
        Assert.Equal(Minute, response.Message.Candles[^1].ClosedAt);
    }

    [Fact]
    public async Task A_venue_error_reaches_the_requester_as_a_fault_with_its_message()
    {
        _server.FailNext(KrakenFixtures.ReadBytes("spot-rest/error.EGeneral-Invalid-arguments.json"));
        var client = _services.GetRequiredService<ITestHarness>().GetRequestClient<FetchVenueCandles>();

        var error = await Assert.ThrowsAsync<RequestFaultException>(() => client.GetResponse<CandleHistory>(Request()));

        var cause = Assert.Single(error.Fault!.Exceptions);
        Assert.Equal(typeof(VenueHistoryException).FullName, cause.ExceptionType);
        Assert.Contains("KRAKEN BTC/USD 1m candles", cause.Message, StringComparison.Ordinal);
        Assert.Contains("EGeneral:Invalid arguments", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_queue_is_named_after_the_service_and_the_consumer()
    {
        var formatter = new KebabCaseEndpointNameFormatter("market-data", includeNamespace: false);

        Assert.Equal("market-data-fetch-venue-candles", formatter.Consumer<FetchVenueCandlesConsumer>());
    }

    private static FetchVenueCandles Request() => new()
    {
        Venue = "KRAKEN",
        Symbol = "BTC/USD",
        Interval = "1m",
        StartAt = Minute.AddMinutes(-30),
        EndAt = Minute,
    };
}
