using MassTransit;

namespace Trading.ServiceDefaults.Telemetry;

/// <summary>
/// On every receive endpoint, once per delivered message (around the retries): records the hop and end-to-end latency
/// from the message's <see cref="PipelineHeaders"/>, makes its origin the <see cref="PipelineOrigin"/> of everything the
/// consumer writes, and counts a message whose consumer still fails.
/// </summary>
public sealed class PipelineTimingFilter(PipelineMetrics metrics, TimeProvider timeProvider) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var messageType = MessageTypeOf(context);
        var origin = PipelineHeaders.Get(context.Headers, PipelineHeaders.OriginAt);
        metrics.Consumed(messageType, timeProvider.GetUtcNow(), PipelineHeaders.Get(context.Headers, PipelineHeaders.WrittenAt), origin);

        var outer = PipelineOrigin.Current;
        PipelineOrigin.Current = origin;
        try
        {
            await next.Send(context);
        }
        catch
        {
            metrics.Faulted(messageType);
            throw;
        }
        finally
        {
            PipelineOrigin.Current = outer;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("pipelineTiming");

    /// <summary>The contract's name, from the first (most specific) message type URN: <c>urn:message:Trading.Contracts.Orders:OrderFilled</c>.</summary>
    private static string MessageTypeOf(ConsumeContext context) =>
        context.SupportedMessageTypes.FirstOrDefault() is { } urn ? urn[(urn.LastIndexOf(':') + 1)..] : "unknown";
}
