-- The last trade published per symbol by the live feed, moved in the transaction that publishes its batch. A restarted
-- instance, or one taking a symbol over from another, backfills from here, so a hand-over loses nothing.
CREATE TABLE feed_cursors (
    symbol text PRIMARY KEY,
    venue text NOT NULL,
    last_trade_id text NOT NULL,
    last_exchange_time timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
