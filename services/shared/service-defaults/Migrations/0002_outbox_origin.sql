-- When the chain of messages this one belongs to began: the trade batch that set it going, or the row's own
-- created_at when it starts a chain. Sent as a header so every consumer can measure its latency from the start.
ALTER TABLE outbox_messages ADD COLUMN origin_at timestamptz NULL;
