import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReader } from '../../../../../../electron/backend/import/readers';
import { tempFolder } from '../../../../../helpers/files';

describe('readers stream: a file is read only as fast as its rows are used', () => {
  it('a CSV read by a busy consumer stays a few MB ahead, not the whole file', async () => {
    const path = join(tempFolder(), 'big.csv');
    const line = (i: number): string =>
      `2026-05-01T10:00:00Z;@autor${i};twitter;Un mensaje de prueba número ${i} con bastante texto para pesar algo en el fichero\n`;
    writeFileSync(
      path,
      `fecha;usuario;red social;texto\n${Array.from({ length: 300_000 }, (_, i) => line(i)).join('')}`,
    );
    const reader = await openReader(path);
    const size = reader.progress().total;
    expect(size).toBeGreaterThan(30_000_000);
    const batches = reader.batches();
    const first = await batches.next();
    // The consumer is busy elsewhere (another thread's writes): the event loop is free meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reader.progress().done).toBeLessThan(8_000_000);
    let rows = first.value?.length ?? 0;
    for await (const batch of batches) rows += batch.length;
    expect(rows).toBe(300_000);
  });
});
