DROP INDEX `failed_imports_open`;--> statement-breakpoint
CREATE INDEX `failed_imports_open` ON `failed_imports` (`resolved_at`,`last_tried_at`);--> statement-breakpoint
DROP INDEX `orders_status`;--> statement-breakpoint
ALTER TABLE `orders` ADD `picking_operator_id` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `packing_operator_id` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_operator_id` integer;--> statement-breakpoint
CREATE INDEX `orders_list` ON `orders` ("priority" desc,`oms_created_at`);--> statement-breakpoint
CREATE INDEX `orders_picking_operator` ON `orders` (`picking_operator_id`,"priority" desc,`oms_created_at`) WHERE "orders"."picking_operator_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_packing_operator` ON `orders` (`packing_operator_id`,"priority" desc,`oms_created_at`) WHERE "orders"."packing_operator_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_shipping_operator` ON `orders` (`shipping_operator_id`,"priority" desc,`oms_created_at`) WHERE "orders"."shipping_operator_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_packing_open` ON `orders` (`packing_operator_id`,`status`,"priority" desc,`oms_created_at`) WHERE "orders"."packing_operator_id" IS NOT NULL AND "orders"."status" IN ('on_hold', 'ready', 'in_progress');--> statement-breakpoint
CREATE INDEX `orders_status` ON `orders` (`status`,"priority" desc,`oms_created_at`);--> statement-breakpoint
DROP INDEX `print_jobs_order`;--> statement-breakpoint
DROP INDEX `print_jobs_created`;--> statement-breakpoint
CREATE INDEX `print_jobs_order` ON `print_jobs` (`order_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `print_jobs_created` ON `print_jobs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_rejected` ON `outbox` (`created_at`,`id`) WHERE "outbox"."rejected_at" IS NOT NULL;--> statement-breakpoint
-- The operators assigned to an order, copied onto it for the list's indexes (orders_*_operator,
-- orders_packing_open): recomputed from `assignments` whenever a row there changes, whichever code
-- writes it, so the copies are always exact.
UPDATE `orders` SET
  `picking_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'picking'),
  `packing_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'packing'),
  `shipping_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'shipping')
WHERE `id` IN (SELECT `order_id` FROM `assignments`);
--> statement-breakpoint
CREATE TRIGGER `assignments_copy_on_insert` AFTER INSERT ON `assignments`
BEGIN
  UPDATE `orders` SET
    `picking_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'picking'),
    `packing_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'packing'),
    `shipping_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'shipping')
  WHERE `id` = NEW.`order_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_copy_on_update` AFTER UPDATE ON `assignments`
BEGIN
  UPDATE `orders` SET
    `picking_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'picking'),
    `packing_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'packing'),
    `shipping_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'shipping')
  WHERE `id` IN (OLD.`order_id`, NEW.`order_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_copy_on_delete` AFTER DELETE ON `assignments`
BEGIN
  UPDATE `orders` SET
    `picking_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'picking'),
    `packing_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'packing'),
    `shipping_operator_id` = (SELECT `operator_id` FROM `assignments` WHERE `order_id` = `orders`.`id` AND `role` = 'shipping')
  WHERE `id` = OLD.`order_id`;
END;
