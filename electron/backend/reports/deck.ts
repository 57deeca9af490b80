import type { KpiReport } from '../../../shared/api/kpis';
import type { DeckSectionKey } from '../../../shared/api/reports';
import type { RoiReport } from '../../../shared/domain/roi';
import type { Translator } from '../../../shared/i18n';
import { deckContext } from './deck-context';
import { demographics, voice, volume } from './deck-conversation';
import { leads } from './deck-leads';
import { care, community, customers } from './deck-people';
import { definitions, summary } from './deck-summary';
import type { ChartGrouping, ChartKind } from './xlsx-charts';

// The deck as data, the same for the workbook and the slides: each section's tables (the numbers, as the KPIs give
// them) and the charts drawn from their columns. Pure: the KPI and ROI reports in, the deck out.

/** How a cell shows its number; `change` and `points` are the ▲▼ of a comparison. */
export type CellFormat = 'text' | 'int' | 'dec1' | 'dec2' | 'pct' | 'money' | 'change' | 'points' | 'delta';
export type CellValue = string | number | null;
export interface DeckCell {
  value: CellValue;
  /** Where the row's figure is of another kind than the column's (a ratio among counts). */
  format?: CellFormat;
}

export interface DeckTable {
  key: string;
  title: string;
  columns: { header: string; format: CellFormat }[];
  rows: DeckCell[][];
  note?: string;
}

export interface DeckChart {
  title: string;
  kind: ChartKind;
  grouping?: ChartGrouping;
  /** The table whose first column gives the categories and whose `series` columns give the values. */
  table: string;
  series: number[];
  /** A combo's line columns, on the second axis. */
  secondary?: number[];
  /** One colour per series (RRGGBB); a pie's per category when `pointColors`. */
  colors?: string[];
  pointColors?: string[];
}

/** A dashboard chart with no native counterpart, placed as a picture drawn from the dashboard's own option. */
export interface DeckPicture {
  title: string;
  /** The dashboard chart's id (shared/charts). */
  chart: string;
}

export interface DeckSection {
  key: 'summary' | DeckSectionKey;
  /** The sheet's name: short, in the deck's language. */
  name: string;
  title: string;
  /** The section's figure and its change, in words: each of its slides' caption. */
  caption: string;
  tables: DeckTable[];
  charts: DeckChart[];
  pictures: DeckPicture[];
  /** Said instead of tables and charts when the period has nothing for the section. */
  empty: string | null;
}

export interface Deck {
  title: string;
  workspace: string;
  /** The workspace's logo as a data URL (PNG or JPEG), on the cover and the title slide. */
  logo: string | null;
  period: { from: string; to: string; label: string };
  generatedAt: number;
  sections: DeckSection[];
}

export interface DeckInput {
  kpis: KpiReport;
  roi: RoiReport | null;
  previousRoi: RoiReport | null;
  workspace: string;
  logo: string | null;
  sections: readonly DeckSectionKey[];
  /** True when the user named the sections: leads and ROI then appear even with no data, saying so. */
  sectionsChosen: boolean;
  generatedAt: number;
}

export function buildDeck(input: DeckInput, t: Translator): Deck {
  const c = deckContext(input, t);
  const builders: Record<DeckSectionKey, () => DeckSection | null> = {
    volume: () => volume(c),
    voice: () => voice(c),
    care: () => care(c),
    customers: () => customers(c),
    leads: () => leads(c),
    community: () => community(c),
    demographics: () => demographics(c),
    definitions: () => definitions(c),
  };
  const sections = [summary(c), ...input.sections.map((key) => builders[key]())].filter(
    (s): s is DeckSection => s !== null,
  );
  return {
    title: c.tr('deck.title', { workspace: input.workspace }),
    workspace: input.workspace,
    logo: input.logo,
    period: { from: c.kpis.period.from, to: c.kpis.period.to, label: c.periodLabel },
    generatedAt: input.generatedAt,
    sections,
  };
}

/** Every chart of a deck, with its section. */
export const deckCharts = (deck: Deck): { section: DeckSection; chart: DeckChart }[] =>
  deck.sections.flatMap((section) => section.charts.map((chart) => ({ section, chart })));
