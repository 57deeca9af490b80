DROP INDEX `messages_posted`;--> statement-breakpoint
DROP INDEX `messages_period`;--> statement-breakpoint
CREATE INDEX `messages_period` ON `messages` (`posted_at`,`id`,`temperature`,`author_id`,`source_id`,`likes`,`shares`,`replies`);