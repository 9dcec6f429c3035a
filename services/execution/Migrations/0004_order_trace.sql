-- The trace the order arrived in (W3C traceparent), so its fill continues that trace even when a later trade batch fills it.
ALTER TABLE orders ADD COLUMN trace_parent text NULL;
