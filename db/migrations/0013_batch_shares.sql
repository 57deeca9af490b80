CREATE TABLE `message_batches` (
	`batch_id` integer NOT NULL,
	`message_id` integer NOT NULL,
	PRIMARY KEY(`batch_id`, `message_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_batches_message` ON `message_batches` (`message_id`);