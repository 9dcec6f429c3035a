namespace Trading.Risk;

/// <summary>The operator HTTP endpoint (section <c>Risk:Operator</c>).</summary>
public sealed class RiskOperatorOptions
{
    public const int MinimumTokenLength = 16;

    /// <summary>
    /// The bearer token every <c>/operator</c> request must carry (<c>Authorization: Bearer …</c>); at least 16 characters. Empty
    /// (the default) turns the operator endpoint off: it answers 503.
    /// </summary>
    public string Token { get; set; } = "";
}
