using Trading.Execution;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("execution");
builder.AddExecutionMessaging();            // PlaceOrderConsumer, TradesReceivedConsumer
builder.AddPostgres(typeof(Program).Assembly); // orders, positions, market_trades
builder.AddSettings<ExecutionOptions>(ExecutionOptions.Section);
builder.AddExecution();                     // paper fill model, order desk, paper trader, metrics

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
