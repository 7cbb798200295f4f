ALTER TABLE `failed_imports` ADD `reason_words` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `error_words` text;