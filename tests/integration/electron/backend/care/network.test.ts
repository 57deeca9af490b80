import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPending } from '../../../../../shared/api/envelope';
import { tempFolder, writeEncoded } from '../../../../helpers/files';
import { testBackend } from '../../../../helpers/workspace';

describe('answering on the network', () => {
  it('opens the stored address of the customer’s message in the browser, and never anything else', async () => {
    const opened: string[] = [];
    const { client } = testBackend(undefined, { openExternal: (url) => opened.push(url) });
    const file = writeEncoded(
      join(tempFolder(), 'net.csv'),
      [
        'id,fecha,usuario,red,texto,url',
        'w1,2026-05-02T10:00:00Z,@ana,twitter,Sin línea,https://x.com/ana/status/1',
        'w2,2026-05-02T11:00:00Z,@bea,twitter,Sin datos,javascript:alert(1)',
      ].join('\n'),
      'utf8',
    );
    expect((await client.runJob('import.start', { path: file })).state).toBe('finished');
    const open = async (id: string): Promise<number> => {
      const result = await client.call('cases.open', { externalIds: [id] });
      if (isPending(result)) throw new Error('kept for later');
      return result.case;
    };
    expect(await client.call('cases.openOnNetwork', { case: await open('w1') })).toEqual({
      url: 'https://x.com/ana/status/1',
      opened: true,
    });
    expect(await client.call('cases.openOnNetwork', { case: await open('w2') })).toEqual({ url: null, opened: false });
    expect(opened).toEqual(['https://x.com/ana/status/1']);
  });
});
