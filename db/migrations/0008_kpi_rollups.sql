CREATE TABLE `kpi_days` (
	`day` integer NOT NULL,
	`source_id` integer NOT NULL,
	`temperature` integer NOT NULL,
	`messages` integer NOT NULL,
	`interactions` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_days_key` ON `kpi_days` (`day`,`source_id`,`temperature`);--> statement-breakpoint
CREATE TABLE `kpi_demographic_days` (
	`day` integer NOT NULL,
	`source_id` integer NOT NULL,
	`temperature` integer NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`messages` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_demographic_days_key` ON `kpi_demographic_days` (`day`,`source_id`,`dimension`,`value`,`temperature`);--> statement-breakpoint
CREATE TABLE `kpi_entity_days` (
	`day` integer NOT NULL,
	`source_id` integer NOT NULL,
	`temperature` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`messages` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_entity_days_key` ON `kpi_entity_days` (`day`,`entity_id`,`source_id`,`temperature`);--> statement-breakpoint
CREATE TABLE `kpi_pair_days` (
	`day` integer NOT NULL,
	`source_id` integer NOT NULL,
	`temperature` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`messages` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_pair_days_key` ON `kpi_pair_days` (`day`,`topic_id`,`entity_id`,`source_id`,`temperature`);--> statement-breakpoint
CREATE TABLE `kpi_topic_days` (
	`day` integer NOT NULL,
	`source_id` integer NOT NULL,
	`temperature` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`messages` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_topic_days_key` ON `kpi_topic_days` (`day`,`topic_id`,`source_id`,`temperature`);--> statement-breakpoint
CREATE TABLE `zone_offsets` (
	`starts_at` integer PRIMARY KEY NOT NULL,
	`offset_ms` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `authors` ADD `engagement` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `authors_influence_bound` ON `authors` (log10(1 + coalesce("followers", 0)) + log10(1 + "engagement"));