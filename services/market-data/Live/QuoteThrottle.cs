using Trading.Contracts.MarketData;

namespace Trading.MarketData.Live;

/// <summary>
/// Lets at most one quote per (venue, symbol) through per <see cref="Interval"/>. A quote arriving too soon is held, and a
/// later one replaces it, so the quote published when the interval ends is always the latest. Pure; not thread-safe.
/// </summary>
public sealed class QuoteThrottle
{
    private readonly Dictionary<(string Venue, string Symbol), State> _states = [];

    public QuoteThrottle(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
    }

    public TimeSpan Interval { get; }

    /// <summary>When the earliest held quote may go out, or null when none is held.</summary>
    public DateTimeOffset? NextDueAt =>
        _states.Values.Where(s => s.Held is not null).Select(s => (DateTimeOffset?)(s.LastSentAt + Interval)).Min();

    /// <summary>Returns the quote when it may be published now; otherwise holds it (replacing any held one) and returns null.</summary>
    public QuoteUpdated? Offer(QuoteUpdated quote, DateTimeOffset now)
    {
        var key = (quote.Venue, quote.Symbol);
        if (!_states.TryGetValue(key, out var state))
        {
            _states.Add(key, new State { LastSentAt = now });
            return quote;
        }

        if (now - state.LastSentAt >= Interval)
        {
            // A held quote is older than this one, so it is dropped rather than sent first.
            state.Held = null;
            state.LastSentAt = now;
            return quote;
        }

        state.Held = quote;
        return null;
    }

    /// <summary>Removes and returns the held quotes whose interval has elapsed at <paramref name="now"/>.</summary>
    public IReadOnlyList<QuoteUpdated> TakeDue(DateTimeOffset now)
    {
        List<QuoteUpdated>? due = null;
        foreach (var state in _states.Values)
        {
            if (state.Held is { } held && now - state.LastSentAt >= Interval)
            {
                (due ??= []).Add(held);
                state.Held = null;
                state.LastSentAt = now;
            }
        }

        return due ?? (IReadOnlyList<QuoteUpdated>)[];
    }

    private sealed class State
    {
        public DateTimeOffset LastSentAt { get; set; }

        public QuoteUpdated? Held { get; set; }
    }
}
