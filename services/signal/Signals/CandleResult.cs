using Trading.Contracts.Signals;

namespace Trading.Signal.Signals;

/// <summary>The outcome of one candle, and the signal it raised, if any, once the transaction commits.</summary>
public sealed record CandleResult(CandleOutcome Outcome, SignalGenerated? Signal = null)
{
    public static CandleResult Duplicate { get; } = new(CandleOutcome.Duplicate);

    public static CandleResult OutOfOrder { get; } = new(CandleOutcome.OutOfOrder);

    public static CandleResult NoSignal { get; } = new(CandleOutcome.NoSignal);

    public static CandleResult Signalled(SignalGenerated signal) => new(CandleOutcome.Signalled, signal);
}
