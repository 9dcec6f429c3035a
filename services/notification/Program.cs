using Trading.Notification;
using Trading.Notification.Telegram;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("notification");
builder.AddNotificationMessaging();         // signals, fills, closes, halts, resumes, feed status, account and candles for reports
builder.AddPostgres(typeof(Program).Assembly); // the delivery queue and log, report figures, Telegram offsets
builder.AddSettings<NotificationOptions>(NotificationOptions.Section);
builder.AddNotification();                  // channels, one sender per channel, reports
builder.AddTelegramCommands();              // Telegram commands: polls getUpdates, asks risk and execution, replies in the chat

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
