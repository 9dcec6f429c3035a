using Trading.Notification;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("notification");
builder.AddNotificationMessaging();         // signals, fills, closed positions, halts, resumes, feed status
builder.AddPostgres(typeof(Program).Assembly); // deliveries (the delivery log)
builder.AddSettings<NotificationOptions>(NotificationOptions.Section);
builder.AddNotification();                  // channels (console, webhooks), dispatcher, metrics

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
