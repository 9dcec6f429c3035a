using Trading.MarketData;
using Trading.MarketData.Live;
using Trading.MarketData.Live.Scaling;
using Trading.MarketData.Replay;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("market-data");
builder.AddMarketDataMessaging();           // publishes TradesReceived and FeedStatusChanged; answers FetchVenueCandles
builder.AddPostgres(typeof(Program).Assembly);   // replay_progress (the replay cursor)
builder.AddSettings<MarketDataOptions>(MarketDataOptions.Section);
builder.AddSettings<ReplayOptions>(ReplayOptions.Section);
builder.AddSettings<LiveFeedOptions>(LiveFeedOptions.Section);
builder.AddSettings<ScalingOptions>(ScalingOptions.Section);
builder.AddMarketData();                    // the replay or the live venue feeds, as hosted services

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
