CREATE TABLE `kpi_match_days` (
	`day` integer NOT NULL,
	`source_id` integer NOT NULL,
	`temperature` integer NOT NULL,
	`match_set_id` integer NOT NULL,
	`messages` integer NOT NULL,
	`interactions` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_match_days_key` ON `kpi_match_days` (`day`,`match_set_id`,`source_id`,`temperature`);--> statement-breakpoint
CREATE TABLE `kpi_match_demographic_days` (
	`day` integer NOT NULL,
	`source_id` integer NOT NULL,
	`temperature` integer NOT NULL,
	`match_set_id` integer NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`messages` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_match_demographic_days_key` ON `kpi_match_demographic_days` (`day`,`match_set_id`,`source_id`,`dimension`,`value`,`temperature`);--> statement-breakpoint
CREATE TABLE `match_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entities` text NOT NULL,
	`topics` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_sets_key` ON `match_sets` (`entities`,`topics`);--> statement-breakpoint
DROP INDEX `messages_period`;--> statement-breakpoint
ALTER TABLE `messages` ADD `match_set_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
DROP INDEX `messages_labeled`;--> statement-breakpoint
CREATE INDEX `messages_labeled` ON `messages` (`labeled_at`,`annotator`);--> statement-breakpoint
CREATE INDEX `messages_period` ON `messages` (`posted_at`,`id`,`temperature`,`author_id`,`source_id`,`likes`,`shares`,`replies`,`match_set_id`);--> statement-breakpoint
INSERT INTO `match_sets` (`id`, `entities`, `topics`) VALUES (0, '[]', '[]');--> statement-breakpoint
CREATE TEMP TABLE `message_match_keys` AS SELECT m.`id`,
  (SELECT json_group_array(`entity_id`) FROM (SELECT `entity_id` FROM `message_entities` WHERE `message_id` = m.`id` ORDER BY `entity_id`)) AS `entities`,
  (SELECT json_group_array(`topic_id`) FROM (SELECT `topic_id` FROM `message_topics` WHERE `message_id` = m.`id` ORDER BY `topic_id`)) AS `topics`
  FROM `messages` m WHERE m.`id` IN (SELECT `message_id` FROM `message_entities` UNION SELECT `message_id` FROM `message_topics`);--> statement-breakpoint
INSERT OR IGNORE INTO `match_sets` (`entities`, `topics`) SELECT DISTINCT `entities`, `topics` FROM temp.`message_match_keys`;--> statement-breakpoint
UPDATE `messages` SET `match_set_id` = s.`id` FROM temp.`message_match_keys` k JOIN `match_sets` s ON s.`entities` = k.`entities` AND s.`topics` = k.`topics` WHERE k.`id` = `messages`.`id`;--> statement-breakpoint
DROP TABLE temp.`message_match_keys`;--> statement-breakpoint
DELETE FROM `settings` WHERE `key` = 'rollupZone';
