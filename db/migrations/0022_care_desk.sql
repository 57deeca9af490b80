CREATE TABLE `canned_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`language` text NOT NULL,
	`department` text,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `canned_replies_code_unique` ON `canned_replies` (`code`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`value` text,
	`previous` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`agent` text NOT NULL,
	`text` text NOT NULL,
	`canned_id` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`canned_id`) REFERENCES `canned_replies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `case_replies_case` ON `case_replies` (`case_id`,`at`);--> statement-breakpoint
CREATE INDEX `case_replies_at` ON `case_replies` (`at`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`condition` text NOT NULL,
	`department` text,
	`case_type` text,
	`priority` text,
	`assignee` text,
	`assign` text DEFAULT 'fixed' NOT NULL,
	`turns` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `routing_rules_name_unique` ON `routing_rules` (`name`);--> statement-breakpoint
CREATE TABLE `sla_misses` (
	`case_id` integer NOT NULL,
	`target` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `target`, `at`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`case_type` text,
	`priority` text,
	`department` text,
	`first_response_minutes` integer NOT NULL,
	`next_response_minutes` integer,
	`resolution_minutes` integer NOT NULL,
	`business_hours` text,
	`holidays` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_policies_name_unique` ON `sla_policies` (`name`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`department` text NOT NULL,
	`agent` text NOT NULL,
	PRIMARY KEY(`department`, `agent`)
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `priority` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `message_id` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `waiting_since` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `sla_policy_id` integer REFERENCES sla_policies(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `sla_state` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `sla_due` integer;--> statement-breakpoint
CREATE INDEX `cases_queue` ON `cases` (("waiting_since" IS NULL),`waiting_since`,("sla_due" IS NULL),`sla_due`,`department`,`assignee`,`type`,`sla_state`,`message_id`) WHERE "cases"."status" IN ('new', 'attended', 'waiting');--> statement-breakpoint
CREATE INDEX `cases_message` ON `cases` (`message_id`);--> statement-breakpoint
CREATE INDEX `messages_care` ON `messages` (`kind`,`posted_at`,`source_id`,`temperature`) WHERE "messages"."kind" IN ('case', 'complaint');--> statement-breakpoint
UPDATE `cases` SET `message_id` = (SELECT min(`message_id`) FROM `case_messages` cm WHERE cm.`case_id` = `cases`.`id`);--> statement-breakpoint
UPDATE `cases` SET `waiting_since` = `opened_at` WHERE `first_response_at` IS NULL AND `status` IN ('new', 'attended', 'waiting');
