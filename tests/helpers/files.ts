import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import iconv from 'iconv-lite';

const folders: string[] = [];
afterEach(() => {
  while (folders.length) rmSync(folders.pop() as string, { recursive: true, force: true });
});

/** A fresh temporary folder for test files, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pulso-files-'));
  folders.push(folder);
  return folder;
}

/** Writes text in an encoding through iconv-lite, as a legacy tool would. */
export function writeEncoded(
  path: string,
  text: string,
  encoding: 'utf8' | 'win1252' | 'utf16le' | 'utf16be',
  bom = false,
): string {
  const body = iconv.encode(text, encoding, { addBOM: bom });
  writeFileSync(path, body);
  return path;
}

/**
 * Every row of every table of a store, hashed: equal fingerprints mean the store holds exactly
 * the same data (read through a separate connection, as another program would).
 */
export function fingerprint(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'messages_fts%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash.update(`#${table}\n`);
      // Ordered by every column: tables WITHOUT ROWID have no rowid to order by.
      const columns = db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(table) as number;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate())
        hash.update(`${JSON.stringify(row)}\n`);
    }
    hash.update(JSON.stringify(db.prepare('SELECT rowid, * FROM messages_fts ORDER BY rowid').raw().all()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/**
 * Northwind with a database password, written where Access writes it: in the header page at 0x42
 * (Jet 3 keeps it in Latin-1 under the header's RC4 stream, so XOR-ing the text into the stored
 * bytes is what setting it in Access does to a file that had none).
 */
export function protectedNorthwind(password: string): string {
  const bytes = readFileSync(resolve('../shared/datasets/access/nwind.mdb'));
  if (bytes[0x14] !== 0) throw new Error('nwind.mdb is expected to be Jet 3');
  const text = Buffer.from(password, 'latin1');
  for (let i = 0; i < text.length; i++) bytes[0x42 + i] = (bytes[0x42 + i] as number) ^ (text[i] as number);
  const path = join(tempFolder(), 'nwind-protegida.mdb');
  writeFileSync(path, bytes);
  return path;
}
