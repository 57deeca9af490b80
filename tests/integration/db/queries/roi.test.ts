import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli';
import { tempFolder, writeEncoded } from '../../../helpers/files';
import { tempWorkspacePath } from '../../../helpers/workspace';

async function pulso(...args: string[]): Promise<string> {
  const { code, out, err } = await runCli(...args);
  if (code !== 0) throw new Error(`pulso ${args.join(' ')}: ${err}`);
  return out;
}

const DAY = 86_400_000;

/**
 * A case built by hand, as scripts would: two leads, one won after a LinkedIn then a Twitter touch, one lost after a
 * Twitter touch; a 10,000 € deal closed in the quarter; a cost model.
 */
async function quarter(): Promise<string> {
  const workspace = tempWorkspacePath();
  const folder = tempFolder();
  await pulso('settings', '--workspace', workspace, '--time-zone', 'UTC');
  const social = writeEncoded(
    join(folder, 'social.csv'),
    [
      'id,fecha,usuario,red,texto',
      'm1,2026-01-10 00:00,@marta,linkedin,¿Fibra para oficinas?',
      'm2,2026-02-01 00:00,@marta,twitter,Necesitamos la propuesta',
      'm3,2026-02-05 00:00,@luis,twitter,Precio para 10 puestos',
    ].join('\n'),
    'utf8',
  );
  await pulso('import', social, '--workspace', workspace);
  await pulso(
    'leads',
    'add',
    '--workspace',
    workspace,
    '--messages',
    'm1,m2',
    '--contact',
    'Marta',
    '--email',
    'marta@acme.es',
    '--at',
    '2026-01-10',
  );
  await pulso('leads', 'stage', '1', 'opportunity', '--workspace', workspace, '--at', '2026-02-01');
  await pulso('leads', 'stage', '1', 'won', '--workspace', workspace, '--at', '2026-03-01');
  await pulso('leads', 'add', '--workspace', workspace, '--messages', 'm3', '--contact', 'Luis', '--at', '2026-02-05');
  await pulso('leads', 'stage', '2', 'lost', '--workspace', workspace, '--at', '2026-03-10');
  const deals = writeEncoded(
    join(folder, 'deals.csv'),
    'Record ID,Deal Stage,Close Date,Amount,Email\nHS-1,Closed Won,2026-03-01,10000,marta@acme.es\n',
    'utf8',
  );
  await pulso('sales', 'import', deals, '--workspace', workspace);
  return workspace;
}

async function roi(workspace: string) {
  const report = JSON.parse(
    await pulso('kpis', '--workspace', workspace, '--from', '2026-01-01', '--to', '2026-03-31', '--json'),
  );
  return report.roi;
}

describe('the ROI leg of the KPIs', () => {
  it('attributes the quarter’s won deal to its touches by each model, with the pipeline’s figures', async () => {
    const workspace = await quarter();
    await pulso(
      'costs',
      'set',
      '--workspace',
      workspace,
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--cm-hours',
      '100',
      '--cm-rate',
      '30',
      '--agency-fee',
      '5000',
      '--agency-share',
      '0.4',
      '--tools',
      '500',
      '--ads',
      '1500',
    );
    const report = await roi(workspace);
    expect(report).toMatchObject({
      currency: 'EUR',
      cost: 10000,
      costs: { communityManager: 6000, agency: 2000, tools: 500, ads: 1500 },
      leads: 2,
      won: 1,
      lost: 1,
      conversionRate: 0.5,
      deals: { matched: 1, unmatched: 0, ambiguous: 0 },
    });
    expect(report.medianDaysToSale).toBeCloseTo((Date.UTC(2026, 2, 1) - Date.UTC(2026, 0, 10)) / DAY, 9);
    expect(report.attributedBySource).toMatchObject({
      firstTouch: { linkedin: 10000 },
      lastTouch: { twitter: 10000 },
      linear: { linkedin: 5000, twitter: 5000 },
      positionBased: { linkedin: 5000, twitter: 5000 },
      // Markov over both leads' paths: LinkedIn's removal effect 0.5, Twitter's 1: a third and two thirds.
      dataDriven: { linkedin: 3333.33, twitter: 6666.67 },
    });
    for (const model of [
      'firstTouch',
      'lastTouch',
      'linear',
      'timeDecay',
      'positionBased',
      'wShaped',
      'fullPath',
      'dataDriven',
    ])
      expect(report.attributedRevenue[model]).toBe(10000);
    expect(report.roi.firstTouch).toBe(0);
  });

  it('shows a negative ROI as it is, and none without a cost model', async () => {
    const workspace = await quarter();
    expect((await roi(workspace)).roi.linear).toBeNull();
    await pulso(
      'costs',
      'set',
      '--workspace',
      workspace,
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--ads',
      '20000',
    );
    expect((await roi(workspace)).roi.linear).toBe(-0.5);
  });

  it('takes the attribution window and half-life from the command line, and says which it used', async () => {
    const workspace = await quarter();
    const json = async (...extra: string[]) =>
      JSON.parse(
        await pulso('kpis', '--workspace', workspace, '--from', '2026-01-01', '--to', '2026-03-31', '--json', ...extra),
      ).roi;
    expect(await json()).toMatchObject({ windowDays: 180, halfLifeDays: 7 });
    // Marta's touches were 50 and 28 days before the close: a 30-day window keeps only the Twitter one.
    const narrow = await json('--window-days', '30', '--half-life-days', '3');
    expect(narrow).toMatchObject({
      windowDays: 30,
      halfLifeDays: 3,
      attributedBySource: { linear: { twitter: 10000 } },
    });
    expect(narrow.attributedBy.quarter.linear).toEqual({ '2026Q1': 10000 });
    expect(narrow.attributedBy.entity.linear).toEqual({ '—': 10000 });
    // A tracked entity the Twitter touch names gets its part.
    await pulso(
      'entities',
      'add',
      '--workspace',
      workspace,
      '--name',
      'Lumen',
      '--role',
      'own',
      '--aliases',
      'propuesta',
    );
    expect((await json('--window-days', '30')).attributedBy.entity.linear).toEqual({ Lumen: 10000 });
    expect(narrow.attributedBy.campaign.linear).toEqual({ '—': 10000 });
    const { code, err } = await runCli(
      'kpis',
      '--workspace',
      workspace,
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--json',
      '--window-days',
      'x',
    );
    expect([code, err.trim()]).toEqual([1, 'pulso kpis: --window-days must be a number, not "x"']);
  });
});
