-- Replay:Loop plays a file again and again with times shifted forward, and a candle line becomes several trades that a
-- batch may split. The cursor therefore also holds the loop and the first trade of next_line not yet published, so a
-- restart resumes at exactly the next trade (same shifted times, same trade ids) instead of repeating or skipping one.
ALTER TABLE replay_progress
    ADD COLUMN loop_number int NOT NULL DEFAULT 0,
    ADD COLUMN next_point int NOT NULL DEFAULT 0;
