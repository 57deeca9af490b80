import type { DeckFormat } from '../../../shared/api/reports';
import { createTranslator, type Translator } from '../../../shared/i18n';
import type { Language } from '../../../shared/domain/vocabulary';
import { CHARTS } from '../../../shared/charts';
import { chartPng, defaultFontFile } from './chart-png';
import { buildDeck, type Deck, type DeckInput } from './deck';
import { writeSlides } from './pptx';
import { writeWorkbook } from './xlsx';

export interface DeckThreadData {
  input: DeckInput;
  format: DeckFormat;
  language: Language;
  timeZone: string;
  /** The font pictures are drawn with (shipped with the app). */
  fontFile?: string | undefined;
}

/** A picture's size in CSS pixels (drawn at twice that): 16:9, as the slides. */
export const PICTURE_SIZE = { width: 800, height: 450 };

export interface DeckFile {
  bytes: Uint8Array;
  sheets: number;
  charts: number;
}

/** Lays out and writes the deck off the app's thread: the file's bytes back, for the job to put in place. */
export async function writeDeck({ input, format, language, timeZone, fontFile }: DeckThreadData): Promise<DeckFile> {
  const t = createTranslator(language, timeZone);
  const deck = buildDeck(input, t);
  const pictures = drawPictures(deck, input, t, fontFile ?? defaultFontFile());
  if (format === 'xlsx') {
    const { buffer, charts } = await writeWorkbook(deck, pictures);
    return { bytes: buffer, sheets: deck.sections.length, charts };
  }
  const { buffer, charts, slides } = await writeSlides(deck, t, pictures);
  return { bytes: buffer, sheets: slides, charts };
}

/** Each picture of the deck, by its chart's id: the dashboard's option for the period, with the picture's title. */
function drawPictures(deck: Deck, input: DeckInput, t: Translator, fontFile: string): Map<string, Uint8Array> {
  const pictures = new Map<string, Uint8Array>();
  for (const picture of deck.sections.flatMap((section) => section.pictures)) {
    const chart = CHARTS.find((candidate) => candidate.id === picture.chart);
    if (!chart) throw new Error(`No dashboard chart "${picture.chart}"`);
    const { option, empty } = chart.build(input.kpis, t);
    if (empty) continue;
    const titled = {
      ...option,
      title: { text: picture.title, left: 'center', top: 8 },
      grid: { left: 60, right: 40, top: 90, bottom: 50, containLabel: true },
      ...(option.legend ? { legend: { ...(option.legend as object), top: 44 } } : {}),
    };
    pictures.set(picture.chart, chartPng(titled, PICTURE_SIZE, fontFile));
  }
  return pictures;
}
