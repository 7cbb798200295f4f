CREATE TABLE `order_claims` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`since` text NOT NULL,
	`expires_at` text,
	`holder_station_id` text,
	`holder_station_name` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_claims_state` ON `order_claims` (`state`);