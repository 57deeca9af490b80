CREATE TABLE `deal_presets` (
	`name` text PRIMARY KEY NOT NULL,
	`columns` text NOT NULL,
	`created_at` integer NOT NULL
);
