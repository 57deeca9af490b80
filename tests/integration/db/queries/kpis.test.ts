import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { testBackend } from '../../../helpers/workspace';

describe('the KPIs of messages whose file names no author', () => {
  it('count them as messages and labels, but never as a user, a happy customer or an influencer', async () => {
    const { client } = testBackend();
    await client.call('settings.update', { timeZone: 'UTC' });
    // Two files: one with no author column (a research corpus), one with a named author.
    const folder = tempFolder();
    const anonymous = writeEncoded(
      join(folder, 'corpus.csv'),
      'fecha,texto,polaridad,likes\n2026-03-01,Me encanta el nuevo plan de datos,P+,900\n2026-03-02,Todo perfecto con la fibra nueva,P,900\n2026-03-03,Otra vez sin servicio en casa,N,900\n',
      'utf8',
    );
    const named = writeEncoded(
      join(folder, 'named.csv'),
      'fecha,usuario,texto,polaridad\n2026-03-04,@ana,Muy contenta con la atención,P+\n2026-03-05,@ana,Sigue todo bien,P\n',
      'utf8',
    );
    for (const path of [anonymous, named])
      expect((await client.runJob('import.start', { path })).state).toBe('finished');
    const kpis = await client.call('kpis.get', { from: '2026-03-01', to: '2026-03-31' });
    expect([kpis.totals.messages, kpis.totals.labeled]).toEqual([5, 5]);
    expect(kpis.users).toMatchObject({ authors: 1, happy: 1, unhappy: 0 });
    expect(kpis.influence.top.map((row) => row.handle)).toEqual(['@ana']);
    expect(kpis.influence.detractors).toEqual([]);
  });
});
