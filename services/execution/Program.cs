using Trading.Execution;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("execution");
builder.AddExecutionMessaging();            // PlaceOrder, TradesReceived, QuoteUpdated, FlattenPositions (single-active queues)
builder.AddPostgres(typeof(Program).Assembly); // orders, positions, market_trades, market_quotes
builder.AddSettings<ExecutionOptions>(ExecutionOptions.Section);
builder.AddExecution();                     // execution model, exit rules, order desk, paper trader, session (restore log, flatten on shutdown)

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
