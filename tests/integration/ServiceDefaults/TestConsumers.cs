using System.Collections.Concurrent;
using MassTransit;
using Trading.Contracts.MarketData;
using Trading.Contracts.Risk;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Integration.Tests.ServiceDefaults;

/// <summary>What the test consumers saw, shared with the test through the container.</summary>
public sealed class Received
{
    public ConcurrentQueue<(Guid? MessageId, FeedStatusChanged Message)> FeedStatus { get; } = new();

    public ConcurrentQueue<Guid> Processed { get; } = new();
}

public sealed class FeedStatusChangedConsumer(Received received) : IConsumer<FeedStatusChanged>
{
    public Task Consume(ConsumeContext<FeedStatusChanged> context)
    {
        received.FeedStatus.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }
}

/// <summary>Records each message through the inbox, so a redelivered message id is processed once.</summary>
public sealed class TradingResumedConsumer(Outbox outbox, Received received) : IConsumer<TradingResumed>
{
    public Task Consume(ConsumeContext<TradingResumed> context) =>
        outbox.ConsumeOnceAsync<TradingResumedConsumer>(context, _ =>
        {
            received.Processed.Enqueue(context.MessageId!.Value);
            return Task.CompletedTask;
        });
}

/// <summary>Always fails, to show that a failing message ends in the error queue rather than being dropped.</summary>
public sealed class TradingHaltedConsumer : IConsumer<TradingHalted>
{
    public Task Consume(ConsumeContext<TradingHalted> context) =>
        throw new InvalidOperationException("This consumer always fails: " + context.Message.Reason);
}
