import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Cell } from '../../../../shared/domain/import/values';
import { columnsOf, flattenRecord } from './json-records';
import { batched, ImportError, type FileRecord, type Reader } from './types';
import { openZip } from './zip';

/** The parts of an archive that hold its posts: tweets.js, or tweet.js, and any further parts (tweets-part1.js). */
const POSTS = /(^|\/)data\/tweets?(-part\d+)?\.js$/;
const ACCOUNT = /(^|\/)data\/account\.js$/;
/** Records read to find an archive's columns. */
const HEADER_SCAN_RECORDS = 200;

/**
 * A network account archive as its owner downloads it: the .zip, or its data/tweets.js on its own. Each part is a
 * script, `window.YTD.tweets.part0 = [{"tweet": {…}}, …]`: its array is read, each element's one wrapped object made
 * a record (flattenRecord), with the account's user name (from data/account.js) as `account.username`.
 */
export function openArchive(path: string): Reader {
  const name = basename(path);
  const { parts, account } = extname(path).toLowerCase() === '.zip' ? zipParts(path, name) : fileParts(path);
  const username = account === null ? null : accountName(account, name);
  const records: Record<string, Cell>[] = parts.flatMap(({ part, text }) =>
    ytdArray(text, `${name}: ${part}`).map((element) => {
      const record = flattenRecord(unwrap(element));
      if (username !== null) record['account.username'] = username;
      return record;
    }),
  );
  if (records.length === 0) throw new ImportError({ code: 'archive-no-posts', file: name });
  const headers = columnsOf(records, HEADER_SCAN_RECORDS);
  let done = 0;
  return {
    format: 'archive',
    headers,
    parts: [],
    part: null,
    encoding: 'utf8',
    delimiter: null,
    headerRow: null,
    source: 'twitter',
    estimatedRows: records.length,
    progress: () => ({ done, total: records.length }),
    batches: () =>
      batched(
        (function* (): Generator<FileRecord> {
          for (done = 0; done < records.length; done++)
            yield { row: done + 1, values: headers.map((key) => records[done]?.[key] ?? null) };
        })(),
      ),
  };
}

function zipParts(path: string, name: string): { parts: { part: string; text: string }[]; account: string | null } {
  const zip = openZip(path);
  const found = zip.names.filter((entry) => POSTS.test(entry)).sort();
  if (found.length === 0) throw new ImportError({ code: 'archive-no-tweets', file: name });
  const accountPart = zip.names.find((entry) => ACCOUNT.test(entry));
  return {
    parts: found.map((part) => ({ part, text: (zip.read(part) as Buffer).toString('utf8') })),
    account: accountPart ? (zip.read(accountPart) as Buffer).toString('utf8') : null,
  };
}

/** A part on its own; the account's name from the account.js beside it, when there is one. */
function fileParts(path: string): { parts: { part: string; text: string }[]; account: string | null } {
  const beside = join(dirname(path), 'account.js');
  return {
    parts: [{ part: basename(path), text: readFileSync(path, 'utf8') }],
    account: existsSync(beside) ? readFileSync(beside, 'utf8') : null,
  };
}

/** The array a `window.YTD.<name>.partN = [...]` script assigns. */
function ytdArray(text: string, where: string): unknown[] {
  const assignment = /^\s*window\.YTD\.[\w.]+\s*=\s*/.exec(text);
  if (!assignment) throw new ImportError(`${where} does not start as an archive's part does (window.YTD.…)`);
  let value: unknown;
  try {
    value = JSON.parse(text.slice(assignment[0].length).replace(/;\s*$/, ''));
  } catch (error) {
    throw new ImportError(`${where} is not valid JSON after its window.YTD assignment (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new ImportError(`${where} assigns no array`);
  return value;
}

/** An element's post: archives wrap each in an object of one key ({"tweet": {…}}). */
function unwrap(element: unknown): Record<string, unknown> {
  if (typeof element !== 'object' || element === null) return {};
  const keys = Object.keys(element);
  const inner = keys.length === 1 ? (element as Record<string, unknown>)[keys[0] as string] : null;
  return (typeof inner === 'object' && inner !== null ? inner : element) as Record<string, unknown>;
}

function accountName(text: string, name: string): string | null {
  const [first] = ytdArray(text, `${name}: account.js`);
  const account = unwrap(first);
  return typeof account.username === 'string' ? `@${account.username}` : null;
}
