using System.Diagnostics;

namespace Trading.Integration.Tests.EndToEnd;

/// <summary>A message the test saw on the bus, with its envelope id and the trace it travelled in.</summary>
public sealed record ObservedMessage(object Message, Guid MessageId, ActivityTraceId? TraceId);
