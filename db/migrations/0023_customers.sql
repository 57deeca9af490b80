CREATE TABLE `erasures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`by` text NOT NULL,
	`authors` integer NOT NULL,
	`messages` integer NOT NULL,
	`cases` integer NOT NULL,
	`leads` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idea_messages` (
	`idea_id` integer NOT NULL,
	`message_id` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `message_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_messages_message` ON `idea_messages` (`message_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
