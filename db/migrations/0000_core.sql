CREATE TABLE `authors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`handle` text NOT NULL,
	`name` text,
	`followers` integer,
	`person_name` text,
	`company_name` text,
	`role` text,
	`age_band` text,
	`sex` text,
	`region` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authors_source_handle` ON `authors` (`source_id`,`handle`);--> statement-breakpoint
CREATE TABLE `case_messages` (
	`case_id` integer NOT NULL,
	`message_id` integer NOT NULL,
	PRIMARY KEY(`case_id`, `message_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_messages_message` ON `case_messages` (`message_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`department` text,
	`assignee` text,
	`status` text DEFAULT 'new' NOT NULL,
	`opened_at` integer NOT NULL,
	`first_response_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`batch_id` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cases_opened` ON `cases` (`opened_at`);--> statement-breakpoint
CREATE TABLE `community_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`channel` text NOT NULL,
	`date` text NOT NULL,
	`followers` integer,
	`members` integer,
	`active_members` integer,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `community_snapshots_unique` ON `community_snapshots` (`source_id`,`channel`,`date`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entities_name_unique` ON `entities` (`name`);--> statement-breakpoint
CREATE TABLE `entity_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`alias` text NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entity_aliases_unique` ON `entity_aliases` (`entity_id`,`alias`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`preset` text,
	`rows_new` integer DEFAULT 0 NOT NULL,
	`rows_duplicate` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`imported_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `labels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`annotator` text NOT NULL,
	`temperature` integer,
	`kind` text,
	`previous_temperature` integer,
	`previous_kind` text,
	`labeled_at` integer NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "labels_temperature_range" CHECK("labels"."temperature" BETWEEN -2 AND 2)
);
--> statement-breakpoint
CREATE INDEX `labels_message` ON `labels` (`message_id`,`labeled_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`company` text,
	`contact_kind` text NOT NULL,
	`author_id` integer,
	`stage` text DEFAULT 'identified' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `message_entities` (
	`message_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	PRIMARY KEY(`message_id`, `entity_id`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_entities_entity` ON `message_entities` (`entity_id`);--> statement-breakpoint
CREATE TABLE `message_topics` (
	`message_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	PRIMARY KEY(`message_id`, `topic_id`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_topics_topic` ON `message_topics` (`topic_id`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`source_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`posted_at` integer NOT NULL,
	`text` text NOT NULL,
	`url` text,
	`language` text,
	`likes` integer,
	`shares` integer,
	`replies` integer,
	`reply_to_external_id` text,
	`content_hash` text NOT NULL,
	`batch_id` integer,
	`temperature` integer,
	`kind` text,
	`annotator` text,
	`labeled_at` integer,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "messages_temperature_range" CHECK("messages"."temperature" BETWEEN -2 AND 2)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_source_external` ON `messages` (`source_id`,`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_content_hash` ON `messages` (`content_hash`);--> statement-breakpoint
CREATE INDEX `messages_posted` ON `messages` (`posted_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_author` ON `messages` (`author_id`);--> statement-breakpoint
CREATE INDEX `messages_batch` ON `messages` (`batch_id`);--> statement-breakpoint
CREATE INDEX `messages_temperature` ON `messages` (`temperature`,`posted_at`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`external_id` text,
	`amount` real NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`won_at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_code_unique` ON `sources` (`code`);--> statement-breakpoint
CREATE TABLE `topic_keywords` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`keyword` text NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topic_keywords_unique` ON `topic_keywords` (`topic_id`,`keyword`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_name_unique` ON `topics` (`name`);