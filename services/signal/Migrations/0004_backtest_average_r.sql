-- The backtest's mean win and mean loss in R (multiples of initial risk), which risk's Kelly sizing needs. Records stored
-- before this migration, or published before the backtester measured them, keep null: not measured.
ALTER TABLE backtest_records
    ADD COLUMN average_win_r numeric,
    ADD COLUMN average_loss_r numeric;
