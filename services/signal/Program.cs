using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;
using Trading.Signal;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("signal");
builder.AddSignalMessaging();               // consumes CandleClosed (partition queues) and BacktestRecorded; asks candle-builder for GetCandleHistory
builder.AddPostgres(typeof(Program).Assembly);   // candles (warm-up history), signals (published or suppressed), backtest records
builder.AddSettings<SignalOptions>(SignalOptions.Section);
builder.AddSignal();                        // strategy series, live gate, history backfill

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
