-- Dedupe keys now take a row's time as its file wrote it (a wall time stays a wall time), not as read in the
-- workspace's zone then. Keys stored before were computed the old way: imports also look those up while any remain.
INSERT OR REPLACE INTO `settings` (`key`, `value`)
SELECT 'dedupeKeysBefore', CAST(max(`id`) + 1 AS TEXT) FROM `messages` HAVING count(*) > 0;
