namespace Trading.FakeVenues;

/// <summary>The best bid/ask a fake venue announces for one of its symbols.</summary>
internal sealed record FakeQuote(string Symbol, decimal Bid, decimal BidQuantity, decimal Ask, decimal AskQuantity, DateTimeOffset Time);
