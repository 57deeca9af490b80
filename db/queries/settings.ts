import { eq } from 'drizzle-orm';
import type { ZodType } from 'zod';
import { settings } from '../schema';
import type { Db } from '../open';
import type { Settings } from '../../shared/api/contract';

const KEYS = ['timeZone', 'annotator', 'language', 'theme', 'annotatorChosen'] as const;
/** Kept as JSON: not text. */
const JSON_KEYS: readonly string[] = ['language', 'annotatorChosen'];

function readRaw(db: Db): Map<string, string> {
  return new Map(
    db
      .select()
      .from(settings)
      .all()
      .map((row) => [row.key, row.value]),
  );
}

// Every grid page, count and label needs the time zone or annotator: read once per connection,
// forgotten on each save (settings are written only through saveSettings).
const cached = new WeakMap<Db, Settings>();

/**
 * Reads the settings, first writing the defaults for any that a new workspace lacks (asked for only then: the
 * system's zone costs a moment of every start).
 */
export function loadSettings(db: Db, defaults: () => Settings): Settings {
  const known = cached.get(db);
  if (known) return known;
  const raw = readRaw(db);
  const missing = KEYS.filter((key) => !raw.has(key));
  if (missing.length > 0) {
    const initial = defaults();
    saveSettings(db, Object.fromEntries(missing.map((key) => [key, initial[key]])) as Partial<Settings>);
    return loadSettings(db, defaults);
  }
  const loaded: Settings = {
    timeZone: raw.get('timeZone') as string,
    annotator: raw.get('annotator') as string,
    language: JSON.parse(raw.get('language') as string) as Settings['language'],
    theme: raw.get('theme') as Settings['theme'],
    annotatorChosen: JSON.parse(raw.get('annotatorChosen') as string) as boolean,
  };
  cached.set(db, loaded);
  return loaded;
}

export function saveSettings(db: Db, patch: Partial<Settings>): void {
  cached.delete(db);
  db.transaction((tx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const stored = JSON_KEYS.includes(key) ? JSON.stringify(value) : String(value);
      tx.insert(settings)
        .values({ key, value: stored })
        .onConflictDoUpdate({ target: settings.key, set: { value: stored } })
        .run();
    }
  });
}

/** A setting kept as JSON and checked on the way out: a value an older version wrote falls back to the default. */
export function loadJsonSetting<T>(db: Db, key: string, schema: ZodType<T>, fallback: T): T {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function saveJsonSetting(db: Db, key: string, value: unknown): void {
  const stored = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: stored })
    .onConflictDoUpdate({ target: settings.key, set: { value: stored } })
    .run();
}
