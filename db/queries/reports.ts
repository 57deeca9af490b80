import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { DeckFormat, DeckSectionKey, ReportRun } from '../../shared/api/reports';

export interface NewReportRun {
  from: string;
  to: string;
  format: DeckFormat;
  language: string;
  sections: readonly DeckSectionKey[];
  path: string;
  createdAt: number;
  createdBy: string;
}

export function addReportRun(sqlite: Database.Database, run: NewReportRun): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO report_runs (period_from, period_to, format, language, sections, path, created_at, created_by)
         VALUES (@from, @to, @format, @language, @sections, @path, @createdAt, @createdBy)`,
      )
      .run({ ...run, sections: run.sections.join(',') }).lastInsertRowid,
  );
}

interface Row {
  id: number;
  from: string;
  to: string;
  format: DeckFormat;
  language: string;
  sections: string;
  path: string;
  createdAt: number;
  createdBy: string;
}
const COLUMNS = `id, period_from AS "from", period_to AS "to", format, language, sections, path,
  created_at AS createdAt, created_by AS createdBy`;

/** The latest decks first, each saying whether its file is still where it was written. */
export function listReportRuns(sqlite: Database.Database, limit = 50): ReportRun[] {
  const rows = sqlite.prepare(`SELECT ${COLUMNS} FROM report_runs ORDER BY id DESC LIMIT ?`).all(limit) as Row[];
  return rows.map(({ path, sections, ...row }) => ({
    ...row,
    sections: (sections ? sections.split(',') : []) as DeckSectionKey[],
    fileName: basename(path),
    folder: dirname(path),
    exists: existsSync(path),
  }));
}

export function reportRunPath(sqlite: Database.Database, id: number): string | null {
  const row = sqlite.prepare('SELECT path FROM report_runs WHERE id = ?').get(id) as { path: string } | undefined;
  return row?.path ?? null;
}

/** What the deck carries of the workspace: a name for its title, and a logo (a data URL), kept among the settings. */
export interface Branding {
  name: string | null;
  logo: string | null;
}
const BRANDING_KEYS = { name: 'deck.name', logo: 'deck.logo' } as const;

export function loadBranding(sqlite: Database.Database): Branding {
  const read = (key: string): string | null =>
    (sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
    null;
  return { name: read(BRANDING_KEYS.name), logo: read(BRANDING_KEYS.logo) };
}

/** Sets what is given; null removes it. */
export function saveBranding(sqlite: Database.Database, patch: Partial<Branding>): void {
  for (const [field, value] of Object.entries(patch) as [keyof Branding, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) sqlite.prepare('DELETE FROM settings WHERE key = ?').run(BRANDING_KEYS[field]);
    else
      sqlite
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(BRANDING_KEYS[field], value);
  }
}
