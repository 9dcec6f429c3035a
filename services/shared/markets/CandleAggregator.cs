namespace Trading.Markets;

/// <summary>
/// Builds candles of one <see cref="Markets.Interval"/> from a stream of trades, and closes them on time through
/// <see cref="Scan"/> even when no trade arrives.
/// </summary>
/// <remarks>
/// <para>Rules:</para>
/// <list type="bullet">
/// <item><description>
/// A trade whose interval is already closed (its time is before <see cref="ClosedUntil"/>, or before the open candle's
/// <see cref="Candle.OpenedAt"/>) is refused: <see cref="Update"/> returns false, <see cref="LateTrades"/> goes up by one
/// and nothing else changes.
/// </description></item>
/// <item><description>A trade in the open candle's interval updates its high, low, close, volume and trade count.</description></item>
/// <item><description>
/// A trade in a later interval first closes the open candle, then emits a synthetic flat candle for every whole interval
/// between it and the trade's interval, then opens a new candle with the trade.
/// </description></item>
/// <item><description>
/// <see cref="Scan"/> closes the open candle once its <see cref="Candle.ClosedAt"/> is at or before <c>now</c>, then emits a
/// synthetic candle for every interval that ended at or before <c>now</c>. A quiet market therefore still produces one candle
/// per interval, and the output is the same whether a gap is filled by <see cref="Scan"/> or by the next trade.
/// </description></item>
/// <item><description>
/// A synthetic candle has open, high, low and close equal to the previous close, volume 0, trade count 0 and
/// <see cref="Candle.IsSynthetic"/> true. Before the very first candle there is no previous close, so nothing synthetic is emitted.
/// </description></item>
/// <item><description>
/// Candles are emitted strictly in time order, each <see cref="Candle.OpenedAt"/> exactly once. The callback runs after the
/// state has moved on, so if it throws, the candle still counts as emitted.
/// </description></item>
/// </list>
/// <para>
/// Not thread-safe: one aggregator per (venue, symbol, interval), fed by one consumer. It never reads the clock: the caller
/// passes the time to <see cref="Scan"/>, and can leave a grace period for late trades by scanning with <c>now − grace</c>.
/// </para>
/// </remarks>
public sealed class CandleAggregator
{
    private readonly Action<Candle> _onCandleClosed;

    /// <summary>Creates an aggregator with no candle and no history.</summary>
    /// <param name="interval">The candle interval; must not be <c>default(Interval)</c>.</param>
    /// <param name="onCandleClosed">Called once for every finished candle, real or synthetic, in time order.</param>
    public CandleAggregator(Interval interval, Action<Candle> onCandleClosed)
    {
        if (interval.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException("The interval has no duration; use Interval.Parse.", nameof(interval));
        }

        ArgumentNullException.ThrowIfNull(onCandleClosed);
        Interval = interval;
        _onCandleClosed = onCandleClosed;
    }

    /// <summary>The interval of every candle this aggregator builds.</summary>
    public Interval Interval { get; }

    /// <summary>The partial candle being built from trades so far, or null when none is open.</summary>
    public Candle? OpenCandle { get; private set; }

    /// <summary>The <see cref="Candle.ClosedAt"/> of the last candle emitted, or null if none has been emitted yet.</summary>
    public DateTimeOffset? ClosedUntil { get; private set; }

    /// <summary>The close of the last candle emitted, or null if none has been emitted yet.</summary>
    public decimal? LastClose { get; private set; }

    /// <summary>How many trades were refused because their interval was already closed.</summary>
    public long LateTrades { get; private set; }

    /// <summary>Adds one trade.</summary>
    /// <param name="time">Trade time (any offset; compared as UTC).</param>
    /// <param name="price">Trade price in quote currency; must be positive.</param>
    /// <param name="quantity">Traded quantity in base currency; must not be negative.</param>
    /// <returns>True if the trade was taken into a candle; false if it was late and refused.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is zero or negative, or the quantity is negative.</exception>
    public bool Update(DateTimeOffset time, decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);

        if (time < ClosedUntil || time < OpenCandle?.OpenedAt)
        {
            LateTrades++;
            return false;
        }

        var openedAt = Interval.Floor(time);
        if (OpenCandle is { } open && open.OpenedAt == openedAt)
        {
            OpenCandle = open with
            {
                High = Math.Max(open.High, price),
                Low = Math.Min(open.Low, price),
                Close = price,
                Volume = open.Volume + quantity,
                TradeCount = open.TradeCount + 1,
            };
            return true;
        }

        CloseOpenCandle();
        EmitSyntheticCandlesEndingBy(openedAt);
        OpenCandle = new Candle
        {
            OpenedAt = openedAt,
            ClosedAt = openedAt + Interval.Duration,
            Open = price,
            High = price,
            Low = price,
            Close = price,
            Volume = quantity,
            TradeCount = 1,
            IsSynthetic = false,
        };
        return true;
    }

    /// <summary>
    /// Closes the open candle if its interval ended at or before <paramref name="now"/>, then emits a synthetic candle for every
    /// later interval that ended at or before <paramref name="now"/>. Scanning with a time earlier than a previous scan does nothing.
    /// </summary>
    /// <param name="now">The current time, usually from the caller's <c>TimeProvider</c>.</param>
    public void Scan(DateTimeOffset now)
    {
        if (OpenCandle is { } open && open.ClosedAt <= now)
        {
            CloseOpenCandle();
        }

        EmitSyntheticCandlesEndingBy(now);
    }

    /// <summary>Sets the state after a restart, replacing whatever the aggregator held. Emits nothing.</summary>
    /// <param name="openCandle">
    /// The stored partial candle, or null. It must be aligned to <see cref="Interval"/>, be one interval long, not be synthetic,
    /// and not open before <paramref name="closedUntil"/>.
    /// </param>
    /// <param name="closedUntil">
    /// The <see cref="Candle.ClosedAt"/> of the last emitted candle, or null; must be on an interval boundary.
    /// </param>
    /// <param name="lastClose">The close of the last emitted candle; given exactly when <paramref name="closedUntil"/> is.</param>
    /// <remarks>
    /// If the open candle starts after <paramref name="closedUntil"/>, the gap is filled with synthetic candles when it closes.
    /// <see cref="LateTrades"/> is not restored.
    /// </remarks>
    /// <exception cref="ArgumentException">The values are inconsistent as described above.</exception>
    public void Restore(Candle? openCandle, DateTimeOffset? closedUntil, decimal? lastClose)
    {
        if (closedUntil.HasValue != lastClose.HasValue)
        {
            throw new ArgumentException("closedUntil and lastClose must be given together.", nameof(lastClose));
        }

        if (closedUntil is { } until && Interval.Floor(until) != until)
        {
            throw new ArgumentException($"closedUntil {until:O} is not on a {Interval} boundary.", nameof(closedUntil));
        }

        if (openCandle is not null)
        {
            if (Interval.Floor(openCandle.OpenedAt) != openCandle.OpenedAt
                || openCandle.ClosedAt != openCandle.OpenedAt + Interval.Duration
                || openCandle.IsSynthetic)
            {
                throw new ArgumentException(
                    $"The open candle [{openCandle.OpenedAt:O}, {openCandle.ClosedAt:O}) is not a real {Interval} candle.",
                    nameof(openCandle));
            }

            if (openCandle.OpenedAt < closedUntil)
            {
                throw new ArgumentException(
                    $"The open candle opens at {openCandle.OpenedAt:O}, before closedUntil {closedUntil:O}.", nameof(openCandle));
            }
        }

        OpenCandle = openCandle;
        ClosedUntil = closedUntil;
        LastClose = lastClose;
    }

    private void CloseOpenCandle()
    {
        if (OpenCandle is not { } open)
        {
            return;
        }

        // Only a restored open candle can start after ClosedUntil; fill first so emission stays in time order.
        EmitSyntheticCandlesEndingBy(open.OpenedAt);
        OpenCandle = null;
        Emit(open);
    }

    private void EmitSyntheticCandlesEndingBy(DateTimeOffset end)
    {
        while (ClosedUntil is { } openedAt && LastClose is { } close && openedAt + Interval.Duration <= end)
        {
            Emit(new Candle
            {
                OpenedAt = openedAt,
                ClosedAt = openedAt + Interval.Duration,
                Open = close,
                High = close,
                Low = close,
                Close = close,
                Volume = 0m,
                TradeCount = 0,
                IsSynthetic = true,
            });
        }
    }

    private void Emit(Candle candle)
    {
        ClosedUntil = candle.ClosedAt;
        LastClose = candle.Close;
        _onCandleClosed(candle);
    }
}
