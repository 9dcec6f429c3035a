using Trading.Risk;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("risk");
builder.AddRiskMessaging();                 // SignalGenerated, OrderFilled, OrderRejected, PositionClosed
builder.AddPostgres(typeof(Program).Assembly);   // decisions, positions
builder.AddSettings<RiskOptions>(RiskOptions.Section);
builder.AddRisk();                          // the risk gate and its stores

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
