-- Stations that saved their sync settings before the outbox kept the old
-- defaults (50-event batches, a 5-minute backoff cap) in the stored value, so
-- they would never get the new ones (500, 5 s). Only values equal to the old
-- defaults are dropped: the new defaults fill them in when the settings are read.
UPDATE `settings` SET `value` = json_remove(`value`, '$.batchSize') WHERE `key` = 'sync.oms' AND json_extract(`value`, '$.batchSize') = 50;--> statement-breakpoint
UPDATE `settings` SET `value` = json_remove(`value`, '$.backoffCapMs') WHERE `key` = 'sync.oms' AND json_extract(`value`, '$.backoffCapMs') = 300000;
