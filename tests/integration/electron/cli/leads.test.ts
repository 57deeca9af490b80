import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

const pulso = runCli;

const CONVERSATION = [
  'id,fecha,usuario,texto',
  'li-1,2026-01-10 10:00,@marta_compras,¿Tenéis fibra para oficinas de 40 puestos?',
  'li-2,2026-01-12 09:00,@marta_compras,Nos interesa una propuesta para las tres sedes',
  'li-3,2026-02-20 16:00,@marta_compras,"Recibida la propuesta, la revisamos con dirección"',
].join('\n');

describe('pulso leads', () => {
  it('builds a case by hand: a lead from messages by their file ids, more linked later, its stages dated', async () => {
    const workspace = tempWorkspacePath();
    const file = writeEncoded(join(tempFolder(), 'linkedin.csv'), CONVERSATION, 'utf8');
    expect(
      (await pulso('settings', '--workspace', workspace, '--time-zone', 'Europe/Madrid', '--annotator', 'ana')).code,
    ).toBe(0);
    expect((await pulso('import', file, '--workspace', workspace)).code).toBe(0);
    const added = await pulso(
      'leads',
      'add',
      '--workspace',
      workspace,
      '--messages',
      'li-1,li-2',
      '--contact',
      'Marta Ruiz',
      '--email',
      'marta@acme.es',
      '--company',
      'Acme S.L.',
      '--at',
      '2026-01-12',
      '--value',
      '18000',
      '--json',
    );
    expect(added).toMatchObject({ code: 0, out: '{"lead":1}\n' });
    expect(await pulso('leads', 'link', '1', '--workspace', workspace, '--messages', 'li-3')).toMatchObject({
      code: 0,
      out: 'lead 1: 1 message linked\n',
    });
    for (const [stage, at] of [
      ['qualified', '2026-01-20'],
      ['opportunity', '2026-02-01'],
      ['proposal', '2026-02-15'],
    ])
      expect(
        (await pulso('leads', 'stage', '1', stage as string, '--at', at as string, '--workspace', workspace)).code,
      ).toBe(0);
    const [lead] = JSON.parse((await pulso('leads', '--workspace', workspace, '--json')).out) as {
      stage: string;
      contact: string;
      company: string;
      messages: number;
      expectedValue: number;
      history: { stage: string; at: number; by: string }[];
    }[];
    expect(lead).toMatchObject({
      stage: 'proposal',
      contact: 'Marta Ruiz',
      company: 'Acme S.L.',
      messages: 3,
      expectedValue: 18000,
    });
    // Each stage dated at the start of its day in the workspace's zone, and attributed to the annotator.
    expect(lead?.history.map((h) => [h.stage, new Date(h.at).toISOString(), h.by])).toEqual([
      ['new', '2026-01-11T23:00:00.000Z', 'ana'],
      ['qualified', '2026-01-19T23:00:00.000Z', 'ana'],
      ['opportunity', '2026-01-31T23:00:00.000Z', 'ana'],
      ['proposal', '2026-02-14T23:00:00.000Z', 'ana'],
    ]);
    // Its owner, value, product and campaign set later; an empty one cleared.
    const set = await pulso(
      'leads',
      'set',
      '1',
      '--owner',
      'jordi',
      '--value',
      '21000',
      '--product',
      'Fibra 1 Gb',
      '--campaign',
      'Q1 B2B',
      '--workspace',
      workspace,
    );
    expect(set).toMatchObject({ code: 0, out: 'lead 1 updated\n' });
    expect((await pulso('leads', 'set', '1', '--campaign', '', '--workspace', workspace)).code).toBe(0);
    const [after] = JSON.parse((await pulso('leads', '--workspace', workspace, '--json')).out) as Record<
      string,
      unknown
    >[];
    expect(after).toMatchObject({ owner: 'jordi', expectedValue: 21000, product: 'Fibra 1 Gb', campaign: null });
  });

  it('names what is wrong: a message the workspace lacks, a stage that is not one, a lead that is not there', async () => {
    const workspace = tempWorkspacePath();
    expect(await pulso('leads', 'add', '--workspace', workspace, '--messages', 'nope', '--contact', 'X')).toMatchObject(
      {
        code: 1,
        err: expect.stringMatching(/No message nope in the workspace/),
      },
    );
    expect(await pulso('leads', 'stage', '1', 'signed', '--workspace', workspace)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/the stage is one of new, qualified, opportunity, proposal, won, lost/),
    });
    expect(await pulso('leads', 'stage', '9', 'won', '--workspace', workspace)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/No lead 9/),
    });
    expect((await pulso('leads', 'add', '--workspace', workspace, '--contact', 'X')).code).toBe(2);
  });
});
