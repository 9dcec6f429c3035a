using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;
using Trading.Signal;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("signal");
builder.AddSignalMessaging();               // consumes CandleClosed (queue signal-candle-closed)
builder.AddPostgres(typeof(Program).Assembly);   // candles (warm-up history), signals
builder.AddSettings<SignalOptions>(SignalOptions.Section);
builder.AddSignal();                        // strategy registry and signal engine

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
