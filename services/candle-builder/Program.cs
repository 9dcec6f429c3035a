using Trading.CandleBuilder;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("candle-builder");
builder.AddCandleBuilderMessaging();        // consumes TradesReceived (queue candle-builder-trades-received)
builder.AddPostgres(typeof(Program).Assembly);   // open_candles (series state), candles (closed candles)
builder.AddSettings<CandleBuilderOptions>(CandleBuilderOptions.Section);
builder.AddCandleBuilder();                 // candle series processor and the quiet-market scanner

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
