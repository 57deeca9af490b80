DROP INDEX `messages_author`;--> statement-breakpoint
CREATE INDEX `messages_source` ON `messages` (`source_id`,`posted_at`);--> statement-breakpoint
CREATE INDEX `messages_kind` ON `messages` (`kind`,`posted_at`);--> statement-breakpoint
CREATE INDEX `messages_annotator` ON `messages` (`annotator`,`posted_at`);--> statement-breakpoint
CREATE INDEX `messages_labeled` ON `messages` (`labeled_at`);--> statement-breakpoint
CREATE INDEX `messages_author` ON `messages` (`author_id`,`posted_at`);--> statement-breakpoint
CREATE INDEX `authors_handle` ON `authors` (`handle`);