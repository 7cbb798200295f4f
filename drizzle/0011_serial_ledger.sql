CREATE TABLE `serial_ledger` (
	`serial` text NOT NULL,
	`station_id` text NOT NULL,
	`oms_order_id` text NOT NULL,
	`order_number` text NOT NULL,
	`station_name` text,
	`committed_at` text NOT NULL,
	`live` integer NOT NULL,
	`released_at` text,
	`pulled_at` text NOT NULL,
	PRIMARY KEY(`serial`, `station_id`, `oms_order_id`)
);
--> statement-breakpoint
CREATE INDEX `serial_ledger_live` ON `serial_ledger` (`serial`) WHERE "serial_ledger"."live" = 1;