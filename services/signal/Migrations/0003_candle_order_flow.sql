-- The order flow of a candle (quote volume, taker buy and sell volume), so a strategy warmed from stored candles sees the
-- candles it saw live. Candles stored before this migration read as zero: not given.
ALTER TABLE candles
    ADD COLUMN quote_volume numeric NOT NULL DEFAULT 0,
    ADD COLUMN buy_volume numeric NOT NULL DEFAULT 0,
    ADD COLUMN sell_volume numeric NOT NULL DEFAULT 0;
