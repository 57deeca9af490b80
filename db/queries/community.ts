import type Database from 'better-sqlite3';
import type { Snapshot } from '../../shared/api/community';

const COLUMNS = `c.id, s.code AS source, c.channel, c.date, c.followers, c.members, c.active_members AS activeMembers`;

/**
 * Records a channel's community on a date; for a network, channel and date recorded before, the figures given replace
 * theirs and the others stay (followers one day, members later).
 */
export function recordSnapshot(sqlite: Database.Database, snapshot: Omit<Snapshot, 'id'>): Snapshot {
  return sqlite.transaction(() => {
    sqlite.prepare('INSERT OR IGNORE INTO sources (code, name) VALUES (?, ?)').run(snapshot.source, snapshot.source);
    const id = sqlite
      .prepare(
        `INSERT INTO community_snapshots (source_id, channel, date, followers, members, active_members)
         VALUES ((SELECT id FROM sources WHERE code = @source), @channel, @date, @followers, @members, @activeMembers)
         ON CONFLICT (source_id, channel, date) DO UPDATE SET followers = coalesce(excluded.followers, followers),
           members = coalesce(excluded.members, members),
           active_members = coalesce(excluded.active_members, active_members)
         RETURNING id`,
      )
      .pluck()
      .get(snapshot) as number;
    return sqlite
      .prepare(`SELECT ${COLUMNS} FROM community_snapshots c JOIN sources s ON s.id = c.source_id WHERE c.id = ?`)
      .get(id) as Snapshot;
  })();
}

/** The snapshots recorded between two days (inclusive; either open), by network, channel and date. */
export function listSnapshots(sqlite: Database.Database, from = '0000-01-01', to = '9999-12-31'): Snapshot[] {
  return sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM community_snapshots c JOIN sources s ON s.id = c.source_id
       WHERE c.date >= ? AND c.date <= ? ORDER BY s.code, c.channel, c.date`,
    )
    .all(from, to) as Snapshot[];
}

/** Removes a snapshot; false if there was none. */
export function removeSnapshot(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM community_snapshots WHERE id = ?').run(id).changes > 0;
}
