CREATE TABLE `label_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`annotator` text NOT NULL,
	`state` text DEFAULT 'done' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `label_actions_annotator` ON `label_actions` (`annotator`,`state`);--> statement-breakpoint
ALTER TABLE `labels` ADD `action_id` integer REFERENCES label_actions(id);--> statement-breakpoint
CREATE INDEX `labels_action` ON `labels` (`action_id`);