-- Messages caused by a state change are written here in the same transaction as the change,
-- then published by the dispatcher with publisher confirms.
CREATE TABLE outbox_messages (
    sequence bigserial PRIMARY KEY,
    message_id uuid NOT NULL UNIQUE,
    message_type text NOT NULL,
    destination text NULL,
    body jsonb NOT NULL,
    trace_parent text NULL,
    trace_state text NULL,
    created_at timestamptz NOT NULL,
    dispatched_at timestamptz NULL
);

CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE dispatched_at IS NULL;

-- One row per message a consumer has processed: a redelivered message id is skipped.
CREATE TABLE inbox_messages (
    consumer text NOT NULL,
    message_id uuid NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
