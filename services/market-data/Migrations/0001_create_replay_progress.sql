-- One row per replayed file (key: venue, symbol and file name). next_line is the first line not yet published;
-- it moves in the same transaction as the outbox row of each batch, so a restart neither loses nor repeats a trade.
CREATE TABLE replay_progress (
    replay_key text PRIMARY KEY,
    next_line int NOT NULL,
    trades_published bigint NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL,
    completed_at timestamptz NULL
);
