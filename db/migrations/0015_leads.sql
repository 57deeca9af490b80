-- B2B leads traced to sales (issue 27): contacts with their accounts, a lead's linked messages and stage history.
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`company` text,
	`email` text,
	`role` text,
	`account_type` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_accounts` (
	`author_id` integer PRIMARY KEY NOT NULL REFERENCES `authors`(`id`) ON DELETE CASCADE,
	`contact_id` integer NOT NULL REFERENCES `contacts`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX `contact_accounts_contact` ON `contact_accounts` (`contact_id`);
--> statement-breakpoint
ALTER TABLE `leads` ADD `contact_id` integer REFERENCES `contacts`(`id`);
--> statement-breakpoint
ALTER TABLE `leads` ADD `owner` text;
--> statement-breakpoint
ALTER TABLE `leads` ADD `expected_value` real;
--> statement-breakpoint
ALTER TABLE `leads` ADD `currency` text DEFAULT 'EUR' NOT NULL;
--> statement-breakpoint
ALTER TABLE `leads` ADD `product` text;
--> statement-breakpoint
ALTER TABLE `leads` ADD `campaign` text;
--> statement-breakpoint
CREATE TABLE `lead_messages` (
	`lead_id` integer NOT NULL REFERENCES `leads`(`id`) ON DELETE CASCADE,
	`message_id` integer NOT NULL REFERENCES `messages`(`id`) ON DELETE CASCADE,
	`linked_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`linked_by` text,
	PRIMARY KEY (`lead_id`, `message_id`)
);
--> statement-breakpoint
CREATE INDEX `lead_messages_message` ON `lead_messages` (`message_id`);
--> statement-breakpoint
CREATE TABLE `lead_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL REFERENCES `leads`(`id`) ON DELETE CASCADE,
	`stage` text NOT NULL,
	`at` integer NOT NULL,
	`by` text
);
--> statement-breakpoint
CREATE INDEX `lead_stages_lead` ON `lead_stages` (`lead_id`, `at`);
--> statement-breakpoint
-- The stages are now new → qualified → opportunity → proposal → won / lost (the column's default stays 'identified'
-- in workspaces made before: changing a default rebuilds the table, and Pulso always names the stage).
UPDATE `leads` SET `stage` = 'new' WHERE `stage` IN ('identified', 'contacted');
--> statement-breakpoint
INSERT INTO `contacts` (`id`, `name`, `company`) SELECT `id`, `name`, `company` FROM `leads`;
--> statement-breakpoint
UPDATE `leads` SET `contact_id` = `id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `contact_accounts` (`author_id`, `contact_id`) SELECT `author_id`, `id` FROM `leads` WHERE `author_id` IS NOT NULL;
--> statement-breakpoint
INSERT INTO `lead_stages` (`lead_id`, `stage`, `at`) SELECT `id`, `stage`, `created_at` FROM `leads`;
