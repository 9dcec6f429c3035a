namespace Trading.Markets.Risk;

/// <summary>A halt that <see cref="RiskGate.DueHalts"/> finds due (the operator's kill switch is not one: only an operator sets it).</summary>
public enum RiskHalt
{
    /// <summary>The daily loss limit was reached: no new orders until the next UTC day.</summary>
    DailyLoss,

    /// <summary>The maximum drawdown from peak equity was reached: no new orders until an operator resumes.</summary>
    Drawdown,
}
