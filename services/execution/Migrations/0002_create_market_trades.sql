-- The trades execution has seen, so an order that arrives after the market moved on still fills at the first
-- trade at or after its signal time (market time), whichever queue happened to be processed first.
CREATE TABLE market_trades (
    sequence bigserial PRIMARY KEY,
    venue text NOT NULL,
    symbol text NOT NULL,
    trade_id text NOT NULL,
    price numeric NOT NULL,
    exchange_time timestamptz NOT NULL,
    UNIQUE (venue, symbol, trade_id)
);

CREATE INDEX market_trades_by_time ON market_trades (venue, symbol, exchange_time, sequence);
