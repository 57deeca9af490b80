import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../../shared/api/envelope';
import { tempFolder } from '../../../../../helpers/files';
import { testBackend } from '../../../../../helpers/workspace';

/** A small seeded generator (mulberry32): the same mutations every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = [...Buffer.from('",;\t\r\n\'=@<>&\u0000\u00ff')];

/** One way files get damaged: bytes flipped, cut short, a range repeated or dropped, structure bytes sprinkled. */
function mutate(bytes: Buffer, next: () => number): Buffer {
  const out = Buffer.from(bytes);
  const at = () => Math.floor(next() * out.length);
  switch (Math.floor(next() * 5)) {
    case 0:
      for (let i = 0; i < 1 + next() * 20; i++) out[at()] = Math.floor(next() * 256);
      return out;
    case 1:
      return out.subarray(0, at());
    case 2: {
      const start = at();
      const end = Math.min(out.length, start + Math.floor(next() * 4096));
      return Buffer.concat([out.subarray(0, end), out.subarray(start, end), out.subarray(end)]);
    }
    case 3: {
      const start = at();
      return Buffer.concat([
        out.subarray(0, start),
        out.subarray(Math.min(out.length, start + Math.floor(next() * 4096))),
      ]);
    }
    default:
      for (let i = 0; i < 1 + next() * 50; i++) out[at()] = SPECIAL[Math.floor(next() * SPECIAL.length)] as number;
      return out;
  }
}

async function xlsxBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Menciones');
  sheet.addRow(['Fecha', 'Usuario', 'Texto', 'Sentimiento']);
  for (let i = 0; i < 200; i++)
    sheet.addRow([
      new Date(Date.UTC(2026, 2, 1 + (i % 28))),
      `@u${i}`,
      `texto ${i} con atención`,
      ['contento', 'enfadado', ''][i % 3],
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const SOURCES: [format: string, bytes: () => Promise<Buffer>][] = [
  ['csv', async () => readFileSync(resolve('../shared/datasets/customer-support/sample.csv'))],
  ['xlsx', xlsxBytes],
  [
    'jsonl',
    async () =>
      Buffer.from(
        Array.from({ length: 200 }, (_, i) =>
          JSON.stringify({
            id: `${i}`,
            created_at: '2026-03-05T10:00:00Z',
            user: { screen_name: `u${i}` },
            text: `hola ${i}`,
          }),
        ).join('\n'),
      ),
  ],
  ['mdb', async () => readFileSync(resolve('../shared/datasets/access/DateTestDatabase.mdb'))],
];

const MUTANTS = Number(process.env.FUZZ_MUTANTS ?? 12);
const CALL_LIMIT_MS = 30_000;
const FUZZ_LIMIT_MS = 240_000;
const RSS_CAP = 3 * 1024 ** 3;

const within = <T>(promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} hung`)), CALL_LIMIT_MS)),
  ]);

describe('mutated real files (fuzzing the readers)', () => {
  it.each(SOURCES)(
    '%s: every mutant is imported or refused with a message naming it; no crash, hang or runaway memory',
    async (format, original) => {
      const bytes = await original();
      const next = random(2026 + format.length);
      const folder = tempFolder();
      const { client } = testBackend();
      const outcomes = { imported: 0, refused: 0 };
      for (let i = 0; i < MUTANTS; i++) {
        const name = `mutant-${i}.${format}`;
        const path = join(folder, name);
        writeFileSync(path, mutate(bytes, next));
        const inspected = await within(
          client.call('import.inspect', { path }).then(
            () => null,
            (e: unknown) => e,
          ),
          `inspect of ${name}`,
        );
        if (inspected) {
          expect(inspected, name).toBeInstanceOf(ApiError);
          expect((inspected as ApiError).message, name).toMatch(
            new RegExp(`${name.replace('.', '\\.')}|Reading ${name}`),
          );
          outcomes.refused++;
          continue;
        }
        const last = await within(
          client.runJob('import.start', { path, rejectsPath: join(folder, `${name}.rejects.csv`) }),
          `import of ${name}`,
        );
        expect(['finished', 'failed'], name).toContain(last.state);
        if (last.state === 'failed') expect(last.message, name).toContain(name);
        outcomes[last.state === 'finished' ? 'imported' : 'refused']++;
        expect(process.memoryUsage().rss, name).toBeLessThan(RSS_CAP);
      }
      expect(outcomes.imported + outcomes.refused).toBe(MUTANTS);
      console.log(`fuzz ${format}: ${MUTANTS} mutants, ${outcomes.imported} imported, ${outcomes.refused} refused`);
      // The store took what it took, whole: it still answers, and counts what the batches say they brought.
      const info = await client.call('workspace.info', {});
      const batches = await client.call('import.batches', {});
      expect(info.counts.messages).toBe(batches.reduce((sum, batch) => sum + batch.rowsNew, 0));
    },
    // Twelve imports, each starting its threads: 28 s alone, past a minute when the machine is shared (CI).
    FUZZ_LIMIT_MS,
  );
});
