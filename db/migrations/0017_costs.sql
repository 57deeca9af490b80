CREATE TABLE `costs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from` text NOT NULL,
	`to` text NOT NULL,
	`cm_hours` real DEFAULT 0 NOT NULL,
	`cm_rate` real DEFAULT 0 NOT NULL,
	`agency_fee` real DEFAULT 0 NOT NULL,
	`agency_share` real DEFAULT 1 NOT NULL,
	`tools` real DEFAULT 0 NOT NULL,
	`ads` real DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL
);
