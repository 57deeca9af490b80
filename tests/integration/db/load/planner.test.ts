import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../../db/load/planner';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { earlierWorkspace, testBackend } from '../../../helpers/workspace';

// Wall times (no zone) and one instant (Z): the first two read differently in each zone, the last the same.
const CSV = [
  'fecha,usuario,texto',
  '2026-03-05 14:30,@lucia,Pésima atención',
  '2026-03-06 09:00,@jordi,La factura perfecta',
  '2026-03-07T10:00:00Z,@marta,Con zona',
].join('\n');

async function load(opened: ReturnType<typeof testBackend>, path: string) {
  const end = await opened.client.runJob('import.start', { path });
  if (end.state !== 'finished') throw new Error(`import ${end.state}: ${end.message}`);
  return end.result;
}

describe('the dedupe key', () => {
  it('takes the time as the file wrote it: the same file after a time-zone change adds nothing', async () => {
    const file = writeEncoded(join(tempFolder(), 'a.csv'), CSV, 'utf8');
    const opened = testBackend();
    await opened.client.call('settings.update', { timeZone: 'Europe/Madrid' });
    expect(await load(opened, file)).toMatchObject({ new: 3, duplicate: 0 });
    await opened.client.call('settings.update', { timeZone: 'America/Mexico_City' });
    expect(await load(opened, file)).toMatchObject({ new: 0, duplicate: 3, sameFileAs: [1] });
    expect((await opened.client.call('workspace.info', {})).counts.messages).toBe(3);
  });

  it('finds rows a workspace stored before keys took the time as written', async () => {
    // One row as an earlier Pulso stored it in Madrid: its key from the instant 13:30 UTC, not the wall time 14:30.
    const instant = Date.UTC(2026, 2, 5, 13, 30);
    const oldKey = contentHash('other', null, '@lucia', instant, 'Pésima atención');
    const path = await earlierWorkspace(
      14,
      `INSERT INTO settings (key, value) VALUES ('timeZone', 'Europe/Madrid');
       INSERT INTO sources (id, code, name) VALUES (1, 'other', 'other');
       INSERT INTO authors (id, source_id, handle) VALUES (1, 1, '@lucia');
       INSERT INTO messages (source_id, author_id, posted_at, text, content_hash)
       VALUES (1, 1, ${instant}, 'Pésima atención', '${oldKey}');`,
    );
    const opened = testBackend(path);
    const file = writeEncoded(join(tempFolder(), 'a.csv'), CSV, 'utf8');
    expect(await load(opened, file)).toMatchObject({ new: 2, duplicate: 1 });
    expect((await opened.client.call('workspace.info', {})).counts.messages).toBe(3);
  });

  it('reports a network id the workspace has with another text as a conflict, never as a duplicate', async () => {
    const folder = tempFolder();
    const first = writeEncoded(join(folder, 'a.csv'), 'id,fecha,texto\n77,2026-03-05 10:00,Sin fibra\n', 'utf8');
    const second = writeEncoded(
      join(folder, 'b.csv'),
      'id,fecha,texto\n77,2026-03-05 10:00,Un mensaje distinto\n78,2026-03-06 10:00,Otro nuevo\n',
      'utf8',
    );
    const opened = testBackend();
    await load(opened, first);
    const refused = await opened.client.runJob('import.start', { path: second });
    expect(refused.message).toMatch(/b\.csv, row 2, column "id": id 77 is already in the workspace with another text/);
    const rejects = join(folder, 'rejects.csv');
    expect(await opened.client.runJob('import.start', { path: second, rejectsPath: rejects })).toMatchObject({
      state: 'finished',
      result: { new: 1, duplicate: 0, rejected: 1 },
    });
    expect(readFileSync(rejects, 'utf8')).toMatch(/Un mensaje distinto/);
    // The same text again is a duplicate, as before.
    expect(await load(opened, first)).toMatchObject({ new: 0, duplicate: 1, rejected: 0 });
  });
});
