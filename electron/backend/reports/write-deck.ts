import type { DeckFormat } from '../../../shared/api/reports';
import { createTranslator } from '../../../shared/i18n';
import type { Language } from '../../../shared/domain/vocabulary';
import { buildDeck, type DeckInput } from './deck';
import { writeSlides } from './pptx';
import { writeWorkbook } from './xlsx';

export interface DeckThreadData {
  input: DeckInput;
  format: DeckFormat;
  language: Language;
  timeZone: string;
}

export interface DeckFile {
  bytes: Uint8Array;
  sheets: number;
  charts: number;
}

/** Lays out and writes the deck off the app's thread: the file's bytes back, for the job to put in place. */
export async function writeDeck({ input, format, language, timeZone }: DeckThreadData): Promise<DeckFile> {
  const t = createTranslator(language, timeZone);
  const deck = buildDeck(input, t);
  if (format === 'xlsx') {
    const { buffer, charts } = await writeWorkbook(deck);
    return { bytes: buffer, sheets: deck.sections.length, charts };
  }
  const { buffer, charts, slides } = await writeSlides(deck, t);
  return { bytes: buffer, sheets: slides, charts };
}
