CREATE TABLE `report_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`format` text NOT NULL,
	`language` text NOT NULL,
	`sections` text NOT NULL,
	`path` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL
);
