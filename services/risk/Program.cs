using Trading.Risk;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("risk");
builder.AddRiskMessaging();
builder.AddPostgres(typeof(Program).Assembly);
builder.AddSettings<RiskOptions>(RiskOptions.Section);
builder.AddRisk();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
