using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;
using Trading.Signal;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("signal");
builder.AddSignalMessaging();
builder.AddPostgres(typeof(Program).Assembly);
builder.AddSettings<SignalOptions>(SignalOptions.Section);
builder.AddSignal();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
