import { workspace } from './options';
import { extname, resolve } from 'node:path';
import { DECK_SECTIONS, quarterDays, type DeckSectionKey } from '../../shared/api/reports';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';
import { progressPrinter } from './io';
// Only functions and classes from commands.ts, used when a command runs: it imports this module in turn.
import { BadInput, day, UsageError, type Command, type Values } from './commands';

function period(values: Values): { from: string; to: string } {
  if (typeof values.quarter === 'string') {
    if (values.from !== undefined || values.to !== undefined)
      throw new UsageError('give either --quarter or --from and --to, not both');
    const days = quarterDays(values.quarter);
    if (!days)
      throw new BadInput(`--quarter "${values.quarter}" is not a quarter: write it as 2026Q3 (quarters 1 to 4)`);
    return days;
  }
  if (values.from === undefined && values.to === undefined)
    throw new UsageError('give the period: --quarter 2026Q3, or --from YYYY-MM-DD --to YYYY-MM-DD');
  return { from: day(values, 'from'), to: day(values, 'to') };
}

function sections(values: Values): DeckSectionKey[] | undefined {
  if (typeof values.sections !== 'string') return undefined;
  const named = values.sections
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = named.filter((name) => !(DECK_SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0 || named.length === 0)
    throw new BadInput(
      `--sections: ${unknown.length ? `unknown section ${unknown.map((u) => `"${u}"`).join(', ')}` : 'none named'}; the sections are ${DECK_SECTIONS.join(', ')}`,
    );
  return named as DeckSectionKey[];
}

/** `pulso report`: the quarterly deck as an Excel workbook with native charts, or as PowerPoint slides. */
export const reportCommand: Command = {
  summary: 'The quarterly ROI deck: an Excel workbook with native charts, or the same deck as PowerPoint slides',
  usage: [
    'pulso report --quarter 2026Q3 --out deck.xlsx [--lang es|en] [--sections volume,voice,…] [--workspace W] [--json]',
    'pulso report --from YYYY-MM-DD --to YYYY-MM-DD --out deck.pptx [--lang es|en] [--sections …]',
    `sections: ${DECK_SECTIONS.join(', ')} (the summary always comes first)`,
  ].join('\n       '),
  options: {
    ...workspace,
    quarter: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    sections: { type: 'string' },
  },
  async run(client, values, _positionals, io) {
    const days = period(values);
    if (typeof values.out !== 'string' || values.out.trim() === '')
      throw new UsageError('give --out FILE (.xlsx or .pptx)');
    const extension = extname(values.out).toLowerCase();
    if (extension !== '.xlsx' && extension !== '.pptx')
      throw new BadInput(`--out ${values.out}: the deck is written as .xlsx (Excel) or .pptx (PowerPoint)`);
    const language = values.lang;
    if (language !== undefined && !(LANGUAGES as readonly unknown[]).includes(language))
      throw new BadInput(`--lang is one of ${LANGUAGES.join(', ')}`);
    const chosen = sections(values);
    const last = await client.runJob(
      'reports.write',
      {
        ...days,
        path: resolve(values.out),
        format: extension === '.xlsx' ? 'xlsx' : 'pptx',
        ...(language ? { language: language as Language } : {}),
        ...(chosen ? { sections: chosen } : {}),
      },
      progressPrinter(io, 'report'),
    );
    if (last.state !== 'finished') throw new BadInput(last.message ?? `report ${last.state}`);
    const result = last.result;
    io.out(
      values.json
        ? JSON.stringify({ ...days, ...result })
        : `${result.path}: ${result.sheets} ${extension === '.xlsx' ? 'sheets' : 'slides'}, ${result.charts} native charts, ${days.from} to ${days.to}`,
    );
    return 0;
  },
};
