-- Every candle the strategies have consumed: the source for warming a strategy up again after a restart.
CREATE TABLE candles (
    venue text NOT NULL,
    symbol text NOT NULL,
    interval text NOT NULL,
    opened_at timestamptz NOT NULL,
    closed_at timestamptz NOT NULL,
    open numeric NOT NULL,
    high numeric NOT NULL,
    low numeric NOT NULL,
    close numeric NOT NULL,
    volume numeric NOT NULL,
    trade_count integer NOT NULL,
    is_synthetic boolean NOT NULL,
    PRIMARY KEY (venue, symbol, interval, opened_at)
);

-- One row per signal; the id is derived from strategy, series and candle, so a replay cannot add a second.
CREATE TABLE signals (
    signal_id uuid PRIMARY KEY,
    strategy text NOT NULL,
    venue text NOT NULL,
    symbol text NOT NULL,
    interval text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('Long', 'Short')),
    entry numeric NOT NULL,
    stop_loss numeric NOT NULL,
    take_profit numeric NOT NULL,
    risk_reward numeric NOT NULL,
    confidence numeric NOT NULL,
    reason text NOT NULL,
    signal_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX signals_series_signal_at ON signals (venue, symbol, interval, signal_at);
