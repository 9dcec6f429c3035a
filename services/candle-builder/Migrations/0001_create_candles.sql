-- The state of each (venue, symbol, interval) series: the candle being built (all candle columns null when none is
-- open), where closing has got to (closed_until, last_close: synthetic candles repeat last_close), and the market
-- clock of the series (exchange time of the newest trade and the wall time it was consumed).
CREATE TABLE open_candles (
    venue text NOT NULL,
    symbol text NOT NULL,
    "interval" text NOT NULL,
    opened_at timestamptz NULL,
    closed_at timestamptz NULL,
    open numeric NULL,
    high numeric NULL,
    low numeric NULL,
    close numeric NULL,
    volume numeric NULL,
    trade_count int NULL,
    closed_until timestamptz NULL,
    last_close numeric NULL,
    last_trade_at timestamptz NULL,
    last_trade_received_at timestamptz NULL,
    PRIMARY KEY (venue, symbol, "interval"),
    CHECK ((opened_at IS NULL) = (close IS NULL)),
    CHECK ((closed_until IS NULL) = (last_close IS NULL))
);

-- Closed candles. The primary key is what makes CandleClosed exactly-once: it is published only when the row is new.
CREATE TABLE candles (
    venue text NOT NULL,
    symbol text NOT NULL,
    "interval" text NOT NULL,
    opened_at timestamptz NOT NULL,
    closed_at timestamptz NOT NULL,
    open numeric NOT NULL,
    high numeric NOT NULL,
    low numeric NOT NULL,
    close numeric NOT NULL,
    volume numeric NOT NULL,
    trade_count int NOT NULL,
    is_synthetic boolean NOT NULL,
    PRIMARY KEY (venue, symbol, "interval", opened_at)
);
