-- The delivery log: one row per (event, channel). A 'delivered' row means the channel never gets the event again,
-- across restarts and redeliveries. 'failed' holds the last error; a later redelivery may still turn it 'delivered'.
CREATE TABLE deliveries (
    event_id uuid NOT NULL,
    channel text NOT NULL,
    event text NOT NULL,
    status text NOT NULL CHECK (status IN ('delivered', 'failed')),
    attempts int NOT NULL,
    last_error text NULL,
    delivered_at timestamptz NULL,
    last_attempt_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, channel)
);
