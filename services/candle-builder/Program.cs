using Trading.CandleBuilder;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("candle-builder");
builder.AddCandleBuilderMessaging();        // consumes TradesReceived (partition queues) and GetCandleHistory
builder.AddPostgres(typeof(Program).Assembly);   // open_candles (series state), candles (closed candles)
builder.AddSettings<CandleBuilderOptions>(CandleBuilderOptions.Section);
builder.AddCandleBuilder();                 // series processor, quiet-market scanner, warm-up from the store and the venue

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
