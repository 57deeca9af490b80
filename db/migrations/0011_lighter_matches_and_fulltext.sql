-- Lighter writes for what every import writes most of. A million-message workspace is upgraded in
-- about 8 s, once, as it opens.
-- The full-text index without its table of each text's size in tokens, which only bm25() ranking
-- reads: searches here filter (the grid orders by its columns). A million texts indexed in 2.5-2.8 s, not 3.2-3.7 s.
DROP TABLE `messages_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `messages_fts` USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2', columnsize=0);--> statement-breakpoint
INSERT INTO `messages_fts`(`messages_fts`) VALUES ('rebuild');--> statement-breakpoint
-- The roll-ups' triggers (db/queries/rollups.ts) name these tables, and SQLite refuses the renames
-- below while a trigger names a table that is gone: dropped here, made again by the back end as it
-- opens the workspace (it always makes sure of them), before anything writes.
DROP TRIGGER IF EXISTS `rollup_message_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_message_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_message_unlabel`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_message_label`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_author_before`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_author_after`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_entity_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_entity_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_topic_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `rollup_topic_delete`;--> statement-breakpoint
-- Matches keyed by their primary key alone (WITHOUT ROWID): a row is one b-tree entry and one in
-- the target's index, not three, and the target's index holds the message ids it is read for.
-- A million matches written in 1.3 s, not 1.5-1.7 s. (drizzle's schema has no WITHOUT ROWID: a
-- generated migration that rebuilds these tables must keep it.)
CREATE TABLE `message_entities_new` (
	`message_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`origin` text DEFAULT 'rule' NOT NULL,
	PRIMARY KEY(`message_id`, `entity_id`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `message_entities_new` (`message_id`, `entity_id`, `origin`) SELECT `message_id`, `entity_id`, `origin` FROM `message_entities`;--> statement-breakpoint
DROP TABLE `message_entities`;--> statement-breakpoint
ALTER TABLE `message_entities_new` RENAME TO `message_entities`;--> statement-breakpoint
CREATE INDEX `message_entities_entity` ON `message_entities` (`entity_id`);--> statement-breakpoint
CREATE TABLE `message_topics_new` (
	`message_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`origin` text DEFAULT 'rule' NOT NULL,
	PRIMARY KEY(`message_id`, `topic_id`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `message_topics_new` (`message_id`, `topic_id`, `origin`) SELECT `message_id`, `topic_id`, `origin` FROM `message_topics`;--> statement-breakpoint
DROP TABLE `message_topics`;--> statement-breakpoint
ALTER TABLE `message_topics_new` RENAME TO `message_topics`;--> statement-breakpoint
CREATE INDEX `message_topics_topic` ON `message_topics` (`topic_id`);
