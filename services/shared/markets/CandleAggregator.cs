namespace Trading.Markets;

/// <summary>
/// Builds candles of one <see cref="Markets.Interval"/> from a stream of trades, or from candles of a shorter interval, and
/// closes them on time through <see cref="Scan"/> even when no trade arrives.
/// </summary>
/// <remarks>
/// <para>Rules:</para>
/// <list type="bullet">
/// <item><description>
/// A trade whose interval is already closed (its time is before <see cref="ClosedUntil"/>, or before the open candle's
/// <see cref="Candle.OpenedAt"/>) is refused: <see cref="Update(DateTimeOffset, decimal, decimal, AggressorSide)"/> returns false,
/// <see cref="LateTrades"/> goes up by one and nothing else changes. A published candle is never rewritten.
/// </description></item>
/// <item><description>
/// A trade in the open candle's interval updates its high, low, close, volume, quote volume, buy or sell volume and trade count.
/// </description></item>
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
/// The live candle-builder and the backtester share this class, so both see the same synthetic candles.
/// </description></item>
/// <item><description>
/// <see cref="Update(Candle)"/> merges a candle of a shorter interval as if its trades had arrived one by one, then closes the
/// open candle when the merged candle ends it. A synthetic candle carries no trade: it only moves time, like <see cref="Scan"/>.
/// A 1-hour series built from 1-minute candles therefore equals the one built from the same trades, field for field.
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
    private readonly TimeSpan _duration;

    // The open candle, kept as fields so a trade costs no allocation; OpenCandle builds the record on demand.
    private bool _isOpen;
    private DateTimeOffset _openedAt;
    private DateTimeOffset _closesAt;
    private decimal _open;
    private decimal _high;
    private decimal _low;
    private decimal _close;
    private decimal _volume;
    private decimal _quoteVolume;
    private decimal _buyVolume;
    private decimal _sellVolume;
    private int _tradeCount;

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
        _duration = interval.Duration;
        _onCandleClosed = onCandleClosed;
    }

    /// <summary>The interval of every candle this aggregator builds.</summary>
    public Interval Interval { get; }

    /// <summary>The partial candle being built so far, or null when none is open.</summary>
    public Candle? OpenCandle => _isOpen
        ? new Candle
        {
            OpenedAt = _openedAt,
            ClosedAt = _openedAt + _duration,
            Open = _open,
            High = _high,
            Low = _low,
            Close = _close,
            Volume = _volume,
            QuoteVolume = _quoteVolume,
            BuyVolume = _buyVolume,
            SellVolume = _sellVolume,
            TradeCount = _tradeCount,
            IsSynthetic = false,
        }
        : null;

    /// <summary>The <see cref="Candle.ClosedAt"/> of the last candle emitted, or null if none has been emitted yet.</summary>
    public DateTimeOffset? ClosedUntil { get; private set; }

    /// <summary>The close of the last candle emitted, or null if none has been emitted yet.</summary>
    public decimal? LastClose { get; private set; }

    /// <summary>How many trades (or shorter candles) were refused because their interval was already closed.</summary>
    public long LateTrades { get; private set; }

    /// <summary>Adds one trade.</summary>
    /// <param name="time">Trade time (any offset; compared as UTC).</param>
    /// <param name="price">Trade price in quote currency; must be positive.</param>
    /// <param name="quantity">Traded quantity in base currency; must not be negative.</param>
    /// <param name="side">The taker's side; <see cref="AggressorSide.Unknown"/> counts in neither buy nor sell volume.</param>
    /// <returns>True if the trade was taken into a candle; false if it was late and refused.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is zero or negative, or the quantity is negative.</exception>
    public bool Update(DateTimeOffset time, decimal price, decimal quantity, AggressorSide side = AggressorSide.Unknown)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);

        // The common case, a trade in the open candle, touches only the open candle's fields.
        if (_isOpen && time >= _openedAt && time < _closesAt)
        {
            if (price > _high)
            {
                _high = price;
            }
            else if (price < _low)
            {
                _low = price;
            }

            _close = price;
            _volume += quantity;
            _quoteVolume += price * quantity;
            if (side == AggressorSide.Buy)
            {
                _buyVolume += quantity;
            }
            else if (side == AggressorSide.Sell)
            {
                _sellVolume += quantity;
            }

            _tradeCount++;
            return true;
        }

        if (IsLate(time))
        {
            return false;
        }

        var (buy, sell) = side switch
        {
            AggressorSide.Buy => (quantity, 0m),
            AggressorSide.Sell => (0m, quantity),
            _ => (0m, 0m),
        };
        Merge(time, price, price, price, price, quantity, price * quantity, buy, sell, 1);
        return true;
    }

    /// <summary>
    /// Adds a finished candle of a shorter interval that divides this one (for example a 1-minute candle into a 1-hour series).
    /// A real candle is merged and closes the open candle when it ends at the same time; a synthetic one only moves time.
    /// </summary>
    /// <returns>True if the candle was taken; false if its interval was already closed (counted in <see cref="LateTrades"/>).</returns>
    /// <exception cref="ArgumentException">The candle is not shorter than, or does not fit inside, one interval of this series.</exception>
    public bool Update(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        var openedAt = Interval.Floor(candle.OpenedAt);
        if (candle.ClosedAt <= candle.OpenedAt || candle.ClosedAt > openedAt + _duration)
        {
            throw new ArgumentException(
                $"The candle [{candle.OpenedAt:O}, {candle.ClosedAt:O}) does not fit inside one {Interval} interval.", nameof(candle));
        }

        if (IsLate(candle.OpenedAt))
        {
            return false;
        }

        if (!candle.IsSynthetic)
        {
            Merge(
                candle.OpenedAt,
                candle.Open,
                candle.High,
                candle.Low,
                candle.Close,
                candle.Volume,
                candle.QuoteVolume,
                candle.BuyVolume,
                candle.SellVolume,
                candle.TradeCount);
        }

        Scan(candle.ClosedAt);
        return true;
    }

    /// <summary>
    /// Closes the open candle if its interval ended at or before <paramref name="now"/>, then emits a synthetic candle for every
    /// later interval that ended at or before <paramref name="now"/>. Scanning with a time earlier than a previous scan does nothing.
    /// </summary>
    /// <param name="now">The current time, usually from the caller's <c>TimeProvider</c>.</param>
    public void Scan(DateTimeOffset now)
    {
        if (_isOpen && _closesAt <= now)
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
                || openCandle.ClosedAt != openCandle.OpenedAt + _duration
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

        _isOpen = openCandle is not null;
        if (openCandle is not null)
        {
            _openedAt = openCandle.OpenedAt;
            _closesAt = openCandle.ClosedAt;
            _open = openCandle.Open;
            _high = openCandle.High;
            _low = openCandle.Low;
            _close = openCandle.Close;
            _volume = openCandle.Volume;
            _quoteVolume = openCandle.QuoteVolume;
            _buyVolume = openCandle.BuyVolume;
            _sellVolume = openCandle.SellVolume;
            _tradeCount = openCandle.TradeCount;
        }

        ClosedUntil = closedUntil;
        LastClose = lastClose;
    }

    private bool IsLate(DateTimeOffset time)
    {
        if (time < ClosedUntil || (_isOpen && time < _openedAt))
        {
            LateTrades++;
            return true;
        }

        return false;
    }

    private void Merge(
        DateTimeOffset time,
        decimal open,
        decimal high,
        decimal low,
        decimal close,
        decimal volume,
        decimal quoteVolume,
        decimal buyVolume,
        decimal sellVolume,
        int tradeCount)
    {
        if (_isOpen && time < _closesAt)
        {
            if (high > _high)
            {
                _high = high;
            }

            if (low < _low)
            {
                _low = low;
            }

            _close = close;
            _volume += volume;
            _quoteVolume += quoteVolume;
            _buyVolume += buyVolume;
            _sellVolume += sellVolume;
            _tradeCount += tradeCount;
            return;
        }

        var openedAt = Interval.Floor(time);
        CloseOpenCandle();
        EmitSyntheticCandlesEndingBy(openedAt);
        _isOpen = true;
        _openedAt = openedAt;
        _closesAt = openedAt + _duration;
        _open = open;
        _high = high;
        _low = low;
        _close = close;
        _volume = volume;
        _quoteVolume = quoteVolume;
        _buyVolume = buyVolume;
        _sellVolume = sellVolume;
        _tradeCount = tradeCount;
    }

    private void CloseOpenCandle()
    {
        if (OpenCandle is not { } open)
        {
            return;
        }

        // Only a restored open candle can start after ClosedUntil; fill first so emission stays in time order.
        EmitSyntheticCandlesEndingBy(open.OpenedAt);
        _isOpen = false;
        Emit(open);
    }

    private void EmitSyntheticCandlesEndingBy(DateTimeOffset end)
    {
        while (ClosedUntil is { } openedAt && LastClose is { } close && openedAt + _duration <= end)
        {
            Emit(new Candle
            {
                OpenedAt = openedAt,
                ClosedAt = openedAt + _duration,
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
