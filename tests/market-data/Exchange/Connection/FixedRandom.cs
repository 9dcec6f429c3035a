namespace Trading.MarketData.Tests.Exchange.Connection;

/// <summary>A "random" source that always draws the same fraction, so jittered delays are predictable.</summary>
internal sealed class FixedRandom(double fraction) : Random
{
    public override double NextDouble() => fraction;
}
