CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`role` text NOT NULL,
	`operator_id` integer NOT NULL,
	`assigned_by` integer NOT NULL,
	`assigned_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_order_role` ON `assignments` (`order_id`,`role`);--> statement-breakpoint
CREATE INDEX `assignments_operator` ON `assignments` (`operator_id`);--> statement-breakpoint
CREATE TABLE `box_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`length_mm` integer NOT NULL,
	`width_mm` integer NOT NULL,
	`height_mm` integer NOT NULL,
	`max_weight_g` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `box_presets_name_unique` ON `box_presets` (`name`);--> statement-breakpoint
CREATE TABLE `boxes` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`preset_id` integer,
	`length_mm` integer,
	`width_mm` integer,
	`height_mm` integer,
	`weight_g` integer,
	`sscc` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`confirmed_by` integer,
	`confirmed_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`preset_id`) REFERENCES `box_presets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `boxes_order_number` ON `boxes` (`order_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `boxes_sscc` ON `boxes` (`sscc`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`type` text NOT NULL,
	`operator_id` integer,
	`order_id` integer,
	`entity_id` text,
	`from_status` text,
	`to_status` text,
	`reason` text,
	`data` text,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_order` ON `events` (`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `failed_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`oms_order_id` text,
	`payload` text NOT NULL,
	`reason` text NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`last_tried_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `failed_imports_open` ON `failed_imports` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`badge_code` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text,
	`failed_pin_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_badge_code` ON `operators` (`badge_code`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_id` text NOT NULL,
	`sku` text NOT NULL,
	`product_name` text NOT NULL,
	`quantity` integer NOT NULL,
	`serialized` integer NOT NULL,
	`condition` text NOT NULL,
	`scanned_quantity` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_lines_quantity_positive" CHECK("order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_no_overscan" CHECK("order_lines"."scanned_quantity" >= 0 AND "order_lines"."scanned_quantity" <= "order_lines"."quantity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_order_line` ON `order_lines` (`order_id`,`line_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`oms_order_id` text NOT NULL,
	`order_number` text NOT NULL,
	`channel` text NOT NULL,
	`channel_order_id` text,
	`parent_order_id` text,
	`order_type` text NOT NULL,
	`fulfilment_type` text,
	`ship_to` text NOT NULL,
	`carrier` text NOT NULL,
	`service` text NOT NULL,
	`dispatch_after` text,
	`priority` integer DEFAULT 0 NOT NULL,
	`oms_created_at` text NOT NULL,
	`status` text NOT NULL,
	`oms_status` text,
	`content_hash` text NOT NULL,
	`imported_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "orders_bulk_fulfilment" CHECK("orders"."order_type" = 'bulk' OR "orders"."fulfilment_type" IS NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_oms_order_id` ON `orders` (`oms_order_id`);--> statement-breakpoint
CREATE INDEX `orders_order_number` ON `orders` (`order_number`);--> statement-breakpoint
CREATE INDEX `orders_channel_order_id` ON `orders` (`channel_order_id`);--> statement-breakpoint
CREATE INDEX `orders_parent_order_id` ON `orders` (`parent_order_id`);--> statement-breakpoint
CREATE INDEX `orders_status` ON `orders` (`status`,`priority`,`oms_created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`order_id` integer,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`sent_at` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`sent_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `product_tacs` (
	`tac` text NOT NULL,
	`sku` text NOT NULL,
	PRIMARY KEY(`tac`, `sku`),
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `products` (
	`sku` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`serialized` integer NOT NULL,
	`condition` text NOT NULL,
	`serial_kind` text NOT NULL,
	`serial_pattern` text,
	`barcode` text,
	`imeis_per_unit` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scanned_units` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`box_id` text,
	`serial` text,
	`serial2` text,
	`entry_method` text NOT NULL,
	`scanned_by` integer NOT NULL,
	`scanned_at` text NOT NULL,
	`removed_at` text,
	`removed_by` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scanned_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scanned_units_serial_live` ON `scanned_units` (`serial`) WHERE "scanned_units"."serial" IS NOT NULL AND "scanned_units"."removed_at" IS NULL;--> statement-breakpoint
CREATE INDEX `scanned_units_serial2` ON `scanned_units` (`serial2`) WHERE "scanned_units"."serial2" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `scanned_units_serial_history` ON `scanned_units` (`serial`);--> statement-breakpoint
CREATE INDEX `scanned_units_order` ON `scanned_units` (`order_id`,`box_id`);--> statement-breakpoint
CREATE INDEX `scanned_units_box` ON `scanned_units` (`box_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
