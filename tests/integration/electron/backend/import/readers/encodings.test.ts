import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ApiError } from '../../../../../../shared/api/envelope';
import { tempFolder } from '../../../../../helpers/files';
import { testBackend } from '../../../../../helpers/workspace';

const HEADER = 'fecha;usuario;texto\n';
const utf8Row = (i: number): string => `2026-03-0${(i % 9) + 1} 10:00;@ana${i};la atención número ${i}\n`;

/** A UTF-8 export with one line a Windows-1252 tool appended, `at` rows in: "atención" as the byte F3. */
function mixedFile(at: number, rows: number): string {
  const parts: Buffer[] = [Buffer.from(HEADER)];
  for (let i = 0; i < rows; i++)
    parts.push(
      i === at ? iconv.encode('2026-03-05 10:00;@eva;sin conexión ni atención\n', 'win1252') : Buffer.from(utf8Row(i)),
    );
  const path = join(tempFolder(), `mixed-${at}.csv`);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

async function texts(client: ReturnType<typeof testBackend>['client']): Promise<string[]> {
  return (await client.call('messages.page', { offset: 0, limit: 1000 })).rows.map((row) => row.text);
}

describe('a CSV whose bytes are not all the encoding they seem', () => {
  it.each([
    ['in its first 64 KB', 3],
    ['after its first 64 KB', 2000],
    // Past the first MiB the plan reads: found by the rows' reading thread.
    ['past its first MiB', 25_000],
  ])(
    'a Windows-1252 line %s of a UTF-8 file refuses it naming the line; nothing is stored with U+FFFD',
    async (_where, at) => {
      const { client } = testBackend();
      const path = mixedFile(at, Math.max(2400, at + 400));
      const last = await client.runJob('import.start', { path });
      expect(last.state).toBe('failed');
      expect(last.message).toMatch(
        new RegExp(`^mixed-${at}\\.csv: line ${at + 2} has bytes that are not UTF-8 \\(byte \\d+\\)`),
      );
      expect(last.message).toContain('--encoding');
      // As data too, from whichever thread read the line (the plan's or the rows' reading thread): the UI says it.
      expect(last.problem).toMatchObject({ code: 'not-utf8', file: `mixed-${at}.csv`, line: String(at + 2) });
      expect(await texts(client)).toEqual([]);
    },
  );

  it('imports such a file when the user names its encoding', async () => {
    const { client } = testBackend();
    const path = mixedFile(3, 20);
    const told = await client.runJob('import.start', { path, encoding: 'windows1252' });
    expect(told).toMatchObject({ state: 'finished', result: { new: 20 } });
    expect((await texts(client)).some((text) => text === 'sin conexión ni atención')).toBe(true);
    expect((await texts(client)).join()).not.toContain('\ufffd');
  });

  it('a UTF-8 BOM on Windows-1252 text is refused naming the line', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'bom.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        iconv.encode(`${HEADER}2026-03-05 10:00;@eva;número uno\n`, 'win1252'),
      ]),
    );
    const last = await client.runJob('import.start', { path });
    expect(last.message).toMatch(/^bom\.csv: line 2 has bytes that are not UTF-8/);
  });

  it('UTF-32 gets a clear word', async () => {
    const { client } = testBackend();
    const path = join(tempFolder(), 'wide.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('f\0\0\0')]));
    const error = await client.call('import.inspect', { path }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as ApiError).message).toBe(
      'wide.csv is in UTF-32, which Pulso does not read: save it as UTF-8 (or UTF-16) and import it again',
    );
  });
});
