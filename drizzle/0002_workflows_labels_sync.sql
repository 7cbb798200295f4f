CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`format` text NOT NULL,
	`order_id` integer NOT NULL,
	`box_id` text,
	`printer` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_jobs_order` ON `print_jobs` (`order_id`);--> statement-breakpoint
CREATE INDEX `print_jobs_created` ON `print_jobs` (`created_at`);--> statement-breakpoint
CREATE TABLE `return_units` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`serial` text NOT NULL,
	`unit_id` text,
	`flag` text,
	`flag_message` text,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `scanned_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_units_serial` ON `return_units` (`serial`);--> statement-breakpoint
CREATE INDEX `return_units_return` ON `return_units` (`return_id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`received_by` integer NOT NULL,
	`received_at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `returns_order` ON `returns` (`order_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_number` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_url` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `shipped_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `rejected_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `reject_reason` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `exported_at` text;--> statement-breakpoint
ALTER TABLE `scanned_units` ADD `removal` text;--> statement-breakpoint
ALTER TABLE `scanned_units` ADD `removal_reason` text;