-- The latest best bid/ask per market: orders may fill on a quote, trades add half its spread, flatten prices from it.
CREATE TABLE market_quotes (
    venue text NOT NULL,
    symbol text NOT NULL,
    bid numeric NOT NULL,
    ask numeric NOT NULL,
    exchange_time timestamptz NOT NULL,
    PRIMARY KEY (venue, symbol)
);

-- The stop in force and the best price since entry, so a trailing stop continues where it was after a restart.
-- NULL means "not moved yet": the stop is stop_loss and the best price is entry_price.
ALTER TABLE positions
    ADD COLUMN current_stop numeric NULL,
    ADD COLUMN best_price numeric NULL;

ALTER TABLE positions DROP CONSTRAINT positions_exit_reason_check;
ALTER TABLE positions ADD CONSTRAINT positions_exit_reason_check
    CHECK (exit_reason IN ('stop_loss', 'take_profit', 'trailing_stop', 'time_exit', 'flatten'));
