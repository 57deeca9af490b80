import type { KpiSummary, Ratio } from '../../../shared/api/kpis';
import { ratio } from '../../../shared/domain/kpis';
import { TEMPERATURE_LABELS, TEMPERATURES } from '../../../shared/domain/temperature';
import type { MessageKey, Translator } from '../../../shared/i18n';
import type {
  CellFormat,
  CellValue,
  DeckCell,
  DeckChart,
  DeckInput,
  DeckPicture,
  DeckSection,
  DeckTable,
} from './deck';

// What every section of the deck is built with: the figures, the language, and the deck's own small helpers.

/** The temperature ramp of the grid's chips and the dashboard (DESIGN.md), without the '#'. */
export const TEMPERATURE_COLORS = ['B2182B', 'EF8A62', '8C8C8C', '67A9CF', '1A9850'];
export const UNLABELED_COLOR = 'D5D8DC';
export const PALETTE = [
  '2F6FDE',
  'F28E2B',
  '59A14F',
  'B07AA1',
  'EDC948',
  '76B7B2',
  'FF9DA7',
  '9C755F',
  'BAB0AC',
  'E15759',
];

export const cell = (value: CellValue, format?: CellFormat): DeckCell => (format ? { value, format } : { value });
export const row = (...values: CellValue[]): DeckCell[] => values.map((value) => cell(value));

/** Relative change (0.1 = +10 %), null without a base. */
export const change = (now: number, before: number): Ratio => ratio(now - before, before);
export const difference = (now: Ratio, before: Ratio): number | null =>
  now === null || before === null ? null : now - before;
/** A ratio's change in percentage points. */
export const points = (now: Ratio, before: Ratio): number | null =>
  now === null || before === null ? null : Math.round((now - before) * 1000) / 10;

/** The period's figures and the deck's language, shared by every section's builder. */
export function deckContext(input: DeckInput, t: Translator) {
  const { kpis } = input;
  const tr = (key: string, values?: Record<string, string | number>): string => t.t(key as MessageKey, values);
  const temperatureName = (value: number): string =>
    `${value > 0 ? '+' : ''}${value} ${tr(TEMPERATURE_LABELS[String(value) as keyof typeof TEMPERATURE_LABELS])}`;
  const temperatureColumns = TEMPERATURES.map((value) => ({ header: temperatureName(value), format: 'int' as const }));
  const noData = kpis.totals.messages === 0 ? tr('deck.noData') : null;
  // A day as the deck's language writes it (29/06/2026, 06/29/2026); noon UTC is that day but beyond ±12 h.
  const day = (iso: string): string => t.date(Date.parse(`${iso}T12:00:00Z`));
  const periodLabel = `${day(kpis.period.from)} – ${day(kpis.period.to)}`;
  const own = kpis.entities.find((entity) => entity.role === 'own') ?? null;
  const ownIn = (summary: KpiSummary) => summary.entities.find((entity) => entity.name === own?.name) ?? null;
  const percentText = (value: Ratio): string => (value === null ? '—' : `${t.number(value * 100, 1)} %`);
  const changeText = (value: Ratio): string =>
    value === null ? '' : `${value >= 0 ? '▲' : '▼'} ${t.number(Math.abs(value) * 100, 1)} %`;
  const messagesCaption = tr('deck.caption.messages', {
    messages: kpis.totals.messages,
    change: changeText(change(kpis.totals.messages, kpis.previousPeriod.totals.messages)),
  });

  const section = (
    key: DeckSection['key'],
    caption: string,
    tables: DeckTable[],
    charts: DeckChart[],
    empty: string | null = noData,
    pictures: DeckPicture[] = [],
  ): DeckSection => ({
    key,
    name: tr(`deck.sheet.${key}`),
    title: tr(`deck.title.${key}`),
    caption,
    tables: empty ? [] : tables,
    charts: empty ? [] : charts,
    pictures: empty ? [] : pictures,
    empty,
  });

  return {
    input,
    kpis,
    t,
    tr,
    temperatureName,
    temperatureColumns,
    noData,
    day,
    periodLabel,
    own,
    ownIn,
    percentText,
    changeText,
    messagesCaption,
    section,
  };
}
export type DeckContext = ReturnType<typeof deckContext>;
