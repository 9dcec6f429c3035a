using Dapper;
using MassTransit;
using Npgsql;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Signals;
using Trading.FakeVenues.Chat;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.Integration.Tests.Risk;
using Trading.ServiceDefaults;

namespace Trading.Integration.Tests.Telegram;

/// <summary>
/// Telegram commands end to end: notification, risk and execution as processes on one database and virtual host, a fake Bot API
/// scripted with updates. /status, /positions, /close, /stop (a following signal is rejected by the kill switch), /resume and /help
/// are answered in the chat; a /stop from another chat is ignored (no halt) and logged with its chat id; the offset is stored.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TelegramCommandTests(InfrastructureFixture infrastructure)
{
    private const long Chat = -1001234567890;
    private const long Stranger = 555000111;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Commands_from_the_chat_reach_risk_and_execution_and_commands_from_another_chat_are_ignored()
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
            ["Messaging__OutboxPollInterval"] = "00:00:00.200",
        };
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", "telegram-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        await using var observer = new BusObserver();
        await observer.StartAsync(rabbitMq);
        await using var replay = await ReplayBus.StartAsync(rabbitMq);
        await using var risk = new ServiceProcess("risk", "Trading.Risk", common, logs);
        await using var execution = new ServiceProcess("execution", "Trading.Execution", common, logs);
        await using var notification = new ServiceProcess("notification", "Trading.Notification", new Dictionary<string, string>(common)
        {
            ["Notification__Telegram__0__Name"] = "desk",
            ["Notification__Telegram__0__BotToken"] = telegram.Token,
            ["Notification__Telegram__0__ChatId"] = Chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notification__Telegram__0__ApiBase"] = telegram.ApiBase.ToString(),
            ["Notification__Telegram__0__Commands"] = "true",
        }, logs);
        foreach (var process in new[] { risk, execution, notification })
        {
            process.Start();
        }

        foreach (var process in new[] { risk, execution, notification })
        {
            await process.WaitUntilReadyAsync(Patience);
        }

        var replies = new List<string>();
        IReadOnlyList<(long ChatId, string Text, string? ParseMode)> Sent() =>
            [.. telegram.SentMessages.Select(r => r.Json()).Select(j => ((long)j["chat_id"]!, (string)j["text"]!, (string?)j["parse_mode"]))];
        string Diagnostics() => $"sent: {string.Join(" | ", Sent().Select(s => s.Text))}\n{notification.Tail()}\n{risk.Tail(15)}\n{execution.Tail(15)}";
        async Task<string> ReplyToAsync(string text, string startsWith)
        {
            var before = Sent().Count;
            telegram.AddMessage(Chat, text, fromUserId: 4242);
            await Eventually.Holds(() => Task.FromResult(Sent().Skip(before).Any(s => s.Text.Contains(startsWith, StringComparison.Ordinal))), Patience, () => $"a reply to {text} with '{startsWith}'\n{Diagnostics()}");
            var reply = Sent().Skip(before).First(s => s.Text.Contains(startsWith, StringComparison.Ordinal));
            Assert.Equal(Chat, reply.ChatId);
            Assert.Equal("HTML", reply.ParseMode);
            replies.Add(reply.Text);
            return reply.Text;
        }

        var status = await ReplyToAsync("/status", "Equity:");
        Assert.StartsWith("✅ <b>Trading</b>", status);
        Assert.Contains("Open positions: 0", status);

        // An open position at execution: an order, then a trade that fills it.
        var order = Order();
        var place = await replay.Bus.GetSendEndpoint(new Uri("queue:execution-place-order?singleactiveconsumer=true"));
        await place.Send(order, context => context.MessageId = Guid.NewGuid());
        await Eventually.Holds(async () => await CountAsync(postgres, "SELECT count(*) FROM execution.orders") == 1, Patience, () => "the order is stored\n" + Diagnostics());
        await replay.PublishAsync(Trades(105_420m, order.SignalAt.AddSeconds(1), "t-1"), Guid.NewGuid());
        await Eventually.Holds(() => Task.FromResult(observer.All<PositionOpened>().Any(p => p.SignalId == order.SignalId)), Patience, () => "the position opens\n" + Diagnostics());
        var positionId = observer.All<PositionOpened>().Single(p => p.SignalId == order.SignalId).PositionId;
        var shortId = positionId.ToString("N")[..8];

        var positions = await ReplyToAsync("/positions", "open position");
        Assert.Contains($"<code>{shortId}</code> long 0.01 BTC/USDT", positions);

        // A /stop from a chat that may not command: no reply, no halt, a warning with its chat id.
        telegram.AddMessage(Stranger, "/stop", username: "stranger");
        var closed = await ReplyToAsync($"/close {shortId} taking profit", "Closed long 0.01 BTC/USDT");
        Assert.StartsWith("✅", closed);
        Assert.Contains("ignored a message from chat 555000111 (from @stranger), which may not command", notification.Output);
        Assert.Equal(0, await CountAsync(postgres, "SELECT count(*) FROM risk.halts"));
        Assert.DoesNotContain(Sent(), s => s.ChatId == Stranger);
        await Eventually.Holds(() => Task.FromResult(observer.All<PositionClosed>().Any(p => p.PositionId == positionId)), Patience, () => "the position closes\n" + Diagnostics());
        Assert.Equal(ExitReason.Flatten, observer.All<PositionClosed>().Single(p => p.PositionId == positionId).ExitReason);
        Assert.Contains("No open position", await ReplyToAsync($"/close {shortId}", "No open position"));

        var stopped = await ReplyToAsync("/stop CPI in 5 minutes", "Kill switch engaged");
        Assert.StartsWith("✅", stopped);
        Assert.Equal(1, await CountAsync(postgres, "SELECT count(*) FROM risk.halts WHERE rule = 'kill-switch' AND ended_at IS NULL"));
        Assert.Contains("kill-switch: Kill switch engaged by telegram:desk (@trader): CPI in 5 minutes", await ReplyToAsync("/status", "Equity:"));
        var signal = RiskHarness.Signal();
        await replay.PublishAsync(signal, Guid.NewGuid());
        await Eventually.Holds(() => Task.FromResult(observer.All<SignalRejected>().Any(r => r.SignalId == signal.SignalId)), Patience, () => "the signal is rejected\n" + Diagnostics());
        Assert.Equal("kill-switch", observer.All<SignalRejected>().Single(r => r.SignalId == signal.SignalId).Rule);

        Assert.Contains("lifted: kill-switch", await ReplyToAsync("/resume", "Trading resumed"));
        Assert.Equal(0, await CountAsync(postgres, "SELECT count(*) FROM risk.halts WHERE ended_at IS NULL"));
        Assert.Contains("No closed trades yet", await ReplyToAsync("/stats", "closed trades"));
        Assert.Contains("/close &lt;position id&gt;", await ReplyToAsync("/help@TradingDeskBot", "<b>Commands</b>"));

        // Every update was handled once, in order, and the stored offset is past the last one.
        var last = telegram.AddMessage(Chat, "good morning", fromUserId: 4242);
        await Eventually.Holds(
            async () => await CountAsync(postgres, "SELECT coalesce(max(next_offset), 0) FROM notification.telegram_offsets WHERE channel = 'desk'") == last + 1,
            Patience,
            () => "the offset moves past the last update\n" + Diagnostics());
        // The channel also receives the event notifications; each reply went out once.
        Assert.Equal(9, replies.Count);
        Assert.All(replies, reply => Assert.Single(Sent(), s => s.Text == reply));
        Assert.DoesNotContain(telegram.Token, notification.Output, StringComparison.Ordinal);
    }

    private static PlaceOrder Order()
    {
        var signalId = DeterministicGuid.Create("telegram-signal|" + Guid.NewGuid());
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new PlaceOrder
        {
            OrderId = DeterministicGuid.Create("telegram-order|" + signalId),
            ClientOrderId = "sig-" + signalId.ToString("N")[..24],
            SignalId = signalId,
            Venue = "KRAKEN",
            Symbol = "BTC/USDT",
            Side = OrderSide.Buy,
            Quantity = 0.01m,
            Entry = 105_400m,
            StopLoss = 100_000m,
            TakeProfit = 110_000m,
            SignalAt = at,
            RequestedAt = at,
        };
    }

    private static TradesReceived Trades(decimal price, DateTimeOffset at, string id) => new()
    {
        BatchId = DeterministicGuid.Create("telegram-batch|" + id + at.ToUnixTimeMilliseconds()),
        Venue = "KRAKEN",
        Symbol = "BTC/USDT",
        Trades = [new Trade { TradeId = id, Price = price, Quantity = 0.5m, Side = TradeSide.Buy, ExchangeTime = at, ReceivedAt = at }],
    };

    private static async Task<long> CountAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
