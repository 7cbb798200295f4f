ALTER TABLE `products` ADD `gtin` text;--> statement-breakpoint
CREATE INDEX `products_gtin` ON `products` (`gtin`) WHERE "products"."gtin" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `scanned_units` ADD `code_parts` text;