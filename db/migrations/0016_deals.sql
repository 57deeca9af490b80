CREATE TABLE `deal_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`batch_id` integer,
	`at` integer NOT NULL,
	`field` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_history_deal` ON `deal_history` (`deal_id`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text NOT NULL,
	`name` text,
	`stage` text,
	`status` text NOT NULL,
	`closed_at` integer,
	`company` text,
	`contact` text,
	`email` text,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	`product` text,
	`lead_id` integer,
	`match_state` text NOT NULL,
	`match_method` text,
	`candidates` text,
	`batch_id` integer,
	`updated_at` integer,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deals_external` ON `deals` (`external_id`);--> statement-breakpoint
CREATE INDEX `deals_lead` ON `deals` (`lead_id`);--> statement-breakpoint
-- The sales recorded before, each on its lead, are won deals matched by hand.
INSERT INTO `deals` (`external_id`, `status`, `stage`, `closed_at`, `amount`, `currency`, `lead_id`, `match_state`, `match_method`, `company`, `contact`)
SELECT coalesce(s.`external_id`, 'sale-' || s.`id`), 'won', 'won', s.`won_at`, s.`amount`, s.`currency`, s.`lead_id`, 'matched', 'manual', l.`company`, l.`name`
FROM `sales` s JOIN `leads` l ON l.`id` = s.`lead_id`;
