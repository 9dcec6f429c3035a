using Trading.Markets.Risk;
using Trading.Risk.Persistence;

namespace Trading.Risk.Account;

/// <summary>The account as committed, the limits in force (configuration plus operator overrides) and the active halts.</summary>
public sealed record AccountView(RiskAccount Account, RiskLimits Limits, IReadOnlyList<Halt> Halts, DateTimeOffset At)
{
    /// <summary>Drawdown from peak, 0 to 1.</summary>
    public decimal Drawdown => Account.PeakEquity <= 0 ? 0 : Math.Max(0, (Account.PeakEquity - Account.Equity) / Account.PeakEquity);

    public bool Halted => Halts.Count > 0;
}
