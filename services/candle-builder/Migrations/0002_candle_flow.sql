-- Order flow of each candle: traded value in quote currency (Σ price × quantity, from which VWAP follows exactly however
-- candles are merged) and the volume of taker buys and taker sells. Rows from before this migration have zeros.
ALTER TABLE open_candles
    ADD COLUMN quote_volume numeric NULL,
    ADD COLUMN buy_volume numeric NULL,
    ADD COLUMN sell_volume numeric NULL;

ALTER TABLE candles
    ADD COLUMN quote_volume numeric NOT NULL DEFAULT 0,
    ADD COLUMN buy_volume numeric NOT NULL DEFAULT 0,
    ADD COLUMN sell_volume numeric NOT NULL DEFAULT 0;
