import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';
import { apiFailure } from '../../../../helpers/api';

async function bigWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Fecha', 'Texto']);
  for (let i = 0; i < 20_000; i++)
    sheet.addRow(['2026-01-05', `un texto distinto cada vez, el número ${i} de muchos, ${'x'.repeat(i % 200)}`]);
  const path = join(tempFolder(), 'big.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

const failure = apiFailure;

describe("the wizard's first look at a file", () => {
  it('runs in a thread with a memory cap: a file that needs more is refused, and the app answers on', async () => {
    const { client } = testBackend(undefined, {
      heapLimits: { inspect: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } },
    });
    const error = await failure(client.call('import.inspect', { path: await bigWorkbook() }));
    expect(error.message).toBe('Reading big.xlsx needed more memory than it may use; the workspace is unchanged');
    await expect(client.call('settings.get', {})).resolves.toMatchObject({ annotator: expect.any(String) });
  });

  it('has a time limit, and keeps the errors it relays as they were (a refusal stays a refusal)', async () => {
    const folder = tempFolder();
    const csv = writeEncoded(join(folder, 'ok.csv'), 'fecha;texto\n2026-01-05;hola\n', 'utf8');
    const slow = testBackend(undefined, { inspectTimeLimitMs: 1 });
    const late = await failure(slow.client.call('import.inspect', { path: csv }));
    expect([late.code, late.message]).toEqual([
      'refused',
      'ok.csv: reading it took more than 0.001 s; it is not a file Pulso can import',
    ]);
    const { client } = testBackend();
    await expect(client.call('import.inspect', { path: csv })).resolves.toMatchObject({ headers: ['fecha', 'texto'] });
    const empty = await failure(
      client.call('import.inspect', { path: writeEncoded(join(folder, 'empty.csv'), '', 'utf8') }),
    );
    expect([empty.code, empty.message]).toEqual(['refused', 'empty.csv is empty (0 bytes)']);
  });
});
