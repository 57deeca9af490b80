import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  lstatSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pendingPath } from '../../../db/pending';
import { ProblemError, type Output, type Refusal } from '../../../shared/api/refusals';

/** An output a job was asked to write that would destroy something, or cannot be a file. */
export class OutputRefused extends ProblemError<Refusal> {
  override name = 'OutputRefused';
}

/** The same file, however named (a link, a relative path, a hard link). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return resolve(a) === resolve(b);
  const [x, y] = [statSync(a), statSync(b)];
  return (x.dev === y.dev && x.ino === y.ino) || realpathSync(a) === realpathSync(b);
}

/**
 * Refuses an output path that is the workspace or one of its companion files, an input of the
 * job, a folder, or anything but a regular file; its folder must exist. `output` names it in the
 * refusal ("The rejects file").
 */
export function checkOutputPath(
  path: string,
  output: Output,
  guarded: { workspace: string; inputs?: readonly string[] },
): void {
  const workspaceFiles = ['', '-wal', '-shm', '-journal']
    .map((suffix) => `${guarded.workspace}${suffix}`)
    .concat(pendingPath(guarded.workspace));
  if (workspaceFiles.some((file) => sameFile(path, file)))
    throw new OutputRefused({ refusal: 'output-is-workspace', output, file: basename(path) });
  for (const input of guarded.inputs ?? [])
    if (sameFile(path, input)) throw new OutputRefused({ refusal: 'output-is-input', output, file: basename(path) });
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new OutputRefused({ refusal: 'output-no-folder', output, folder });
  if (existsSync(path)) {
    const stat = lstatSync(path);
    if (stat.isDirectory()) throw new OutputRefused({ refusal: 'output-is-folder', output, path });
    if (!stat.isFile()) throw new OutputRefused({ refusal: 'output-not-regular', output, path });
  }
}

/**
 * A file written beside its final name and renamed over it only once complete: a failure or a
 * cancel leaves whatever was at `path` before untouched, and removes only what this wrote.
 */
const partialName = (path: string, tag: string): string => `.${basename(path)}.${tag}.partial`;

/** Removes what a writer of `path` left half-written when its thread was ended (a cancel terminates it). */
export function removePartials(path: string): void {
  const folder = dirname(resolve(path));
  const [before, after] = partialName(path, '\u0000').split('\u0000') as [string, string];
  const isPartial = (name: string): boolean =>
    name.startsWith(before) &&
    name.endsWith(after) &&
    /^[0-9a-f]{8}$/.test(name.slice(before.length, name.length - after.length));
  for (const name of existsSync(folder) ? readdirSync(folder) : [])
    if (isPartial(name)) rmSync(join(folder, name), { force: true });
}

/** A new name beside `path` to write it under until it is whole (removePartials finds it). */
export const partialPath = (path: string): string =>
  join(dirname(resolve(path)), partialName(path, randomBytes(4).toString('hex')));

export function openOutputFile(path: string): { stream: WriteStream; commit(): Promise<void>; abort(): Promise<void> } {
  const temporary = partialPath(path);
  const stream = createWriteStream(temporary, { encoding: 'utf8', flags: 'wx' });
  // A writer that ends the stream itself (ExcelJS's streaming workbook) leaves only its finish to wait for.
  const end = (): Promise<void> =>
    new Promise((done, fail) => {
      if (stream.writableFinished) done();
      else if (stream.writableEnded) stream.once('finish', () => done()).once('error', fail);
      else stream.end((error?: Error | null) => (error ? fail(error) : done()));
    });
  return {
    stream,
    async commit() {
      await end();
      renameSync(temporary, path);
    },
    async abort() {
      await end().catch(() => undefined);
      rmSync(temporary, { force: true });
    },
  };
}
