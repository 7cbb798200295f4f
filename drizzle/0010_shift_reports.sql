CREATE TABLE `scan_refusals` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`class` text NOT NULL,
	`order_id` integer,
	`operator_id` integer NOT NULL,
	`entry_method` text NOT NULL,
	`input` text NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scan_refusals_class` ON `scan_refusals` (`class`,`at`);--> statement-breakpoint
CREATE INDEX `scan_refusals_operator` ON `scan_refusals` (`operator_id`,`class`,`at`);--> statement-breakpoint
CREATE INDEX `scanned_units_time` ON `scanned_units` (`scanned_at`);--> statement-breakpoint
CREATE INDEX `scanned_units_operator_time` ON `scanned_units` (`scanned_by`,`scanned_at`);--> statement-breakpoint
CREATE INDEX `events_type_time` ON `events` (`type`,`at`,`operator_id`,`entity_id`);--> statement-breakpoint
-- Refused scans are history, like the event log: never rewritten.
CREATE TRIGGER `scan_refusals_no_update` BEFORE UPDATE ON `scan_refusals`
BEGIN
  SELECT RAISE(ABORT, 'the refusal log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `scan_refusals_no_delete` BEFORE DELETE ON `scan_refusals`
BEGIN
  SELECT RAISE(ABORT, 'the refusal log is append-only');
END;
