DROP INDEX `authors_influence_bound`;--> statement-breakpoint
CREATE INDEX `authors_influence_product` ON `authors` ((1 + coalesce("followers", 0)) * (1 + "engagement"));
