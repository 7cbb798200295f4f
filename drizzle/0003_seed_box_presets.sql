-- Standard cartons so a new station can pack at once; a shift lead edits them in Settings.
INSERT INTO `box_presets` (`name`, `length_mm`, `width_mm`, `height_mm`, `max_weight_g`) VALUES ('Phone S', 200, 150, 100, 2000);--> statement-breakpoint
INSERT INTO `box_presets` (`name`, `length_mm`, `width_mm`, `height_mm`, `max_weight_g`) VALUES ('Carton M (10 phones)', 400, 300, 200, 10000);--> statement-breakpoint
INSERT INTO `box_presets` (`name`, `length_mm`, `width_mm`, `height_mm`, `max_weight_g`) VALUES ('Carton L (40 phones)', 600, 400, 400, 25000);
