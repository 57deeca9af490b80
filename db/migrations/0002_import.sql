CREATE TABLE `import_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`mapping` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_presets_name_unique` ON `import_presets` (`name`);--> statement-breakpoint
ALTER TABLE `message_entities` ADD `origin` text DEFAULT 'rule' NOT NULL;--> statement-breakpoint
ALTER TABLE `message_topics` ADD `origin` text DEFAULT 'rule' NOT NULL;