using Trading.Contracts.Signals;

namespace Trading.Signal.Signals;

/// <summary>The outcome of one candle, and the signals it raised, published or held back by the gate, once the transaction commits.</summary>
public sealed record CandleResult(CandleOutcome Outcome, IReadOnlyList<SignalGenerated> Published, IReadOnlyList<SignalGenerated> Suppressed)
{
    public static CandleResult Duplicate { get; } = new(CandleOutcome.Duplicate, [], []);

    public static CandleResult OutOfOrder { get; } = new(CandleOutcome.OutOfOrder, [], []);

    public static CandleResult NoSignal { get; } = new(CandleOutcome.NoSignal, [], []);

    public static CandleResult Signalled(IReadOnlyList<SignalGenerated> published, IReadOnlyList<SignalGenerated> suppressed) =>
        published.Count + suppressed.Count == 0 ? NoSignal : new(CandleOutcome.Signalled, published, suppressed);
}
