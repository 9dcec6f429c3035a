using Trading.Risk;
using Trading.Risk.Operator;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("risk");
builder.AddRiskMessaging();                 // SignalGenerated, OrderFilled, OrderRejected, PositionClosed, CandleClosed
builder.AddPostgres(typeof(Program).Assembly);   // decisions, positions, ledger, halts, limit overrides, audit, closes
builder.AddSettings<RiskOptions>(RiskOptions.Section);
builder.AddRisk();                          // the risk gate, the account, halts, the operator

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRiskOperator();                      // /operator: state, kill switch, resume, limits, audit (bearer token)
app.Run();
