DROP INDEX `authors_source_handle`;--> statement-breakpoint
DROP INDEX `authors_handle`;--> statement-breakpoint
CREATE UNIQUE INDEX `authors_handle_source` ON `authors` (`handle`,`source_id`);--> statement-breakpoint
DROP INDEX `labels_action`;--> statement-breakpoint
CREATE INDEX `labels_action` ON `labels` (`action_id`) WHERE "labels"."action_id" IS NOT NULL;