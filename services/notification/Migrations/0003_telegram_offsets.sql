-- Per Telegram command channel: the next getUpdates offset (the last handled update_id + 1). Written after each command is answered,
-- so a restart neither loses nor repeats a command.
CREATE TABLE telegram_offsets (
    channel text PRIMARY KEY,
    next_offset bigint NOT NULL,
    updated_at timestamptz NOT NULL
);
