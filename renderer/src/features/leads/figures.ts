// What the ROI tab's forms read from what is typed.
import type { CostEntry } from '../../../../shared/api/leads';
import { parseAmount } from '../../../../shared/domain/import/deal-fields';

const AMOUNTS = ['cmHours', 'cmRate', 'agencyFee', 'tools', 'ads'] as const;
type Amount = (typeof AMOUNTS)[number];
export type Fields = Record<Amount | 'agencySharePct' | 'currency', string>;

/** A stored entry as the form shows it (none: blank, the agency taking its whole fee). */
export const fieldsOf = (entry: CostEntry | null, currency: string): Fields => ({
  cmHours: String(entry?.cmHours ?? ''),
  cmRate: String(entry?.cmRate ?? ''),
  agencyFee: String(entry?.agencyFee ?? ''),
  // As a percentage: "40" reads better than 0.4 in a form.
  agencySharePct: String(Math.round((entry?.agencyShare ?? 1) * 1000) / 10),
  tools: String(entry?.tools ?? ''),
  ads: String(entry?.ads ?? ''),
  currency: entry?.currency ?? currency,
});

/** The form's figures as the API takes them, or null while one cannot be read (blank amounts are 0). */
export function costEntryOf(fields: Fields): Omit<CostEntry, 'from' | 'to'> | null {
  const amount = (text: string): number | null => {
    // As exports write amounts ("1.200", "1.234,50", "€ 900"), so a figure copied from one reads as it says.
    const value = text.trim() === '' ? 0 : parseAmount(text);
    return value !== null && value >= 0 && value <= 1e12 ? value : null;
  };
  const amounts = Object.fromEntries(AMOUNTS.map((name) => [name, amount(fields[name])])) as Record<
    Amount,
    number | null
  >;
  const share = amount(fields.agencySharePct);
  if (AMOUNTS.some((name) => amounts[name] === null) || share === null || share > 100) return null;
  if (!/^[A-Z]{3}$/.test(fields.currency)) return null;
  return { ...(amounts as Record<Amount, number>), agencyShare: share / 100, currency: fields.currency };
}

/** A count as typed ("12.300" and "12 300" as people write them), blank as not given, or NaN while unreadable. */
export function countOf(text: string): number | null {
  const digits = text.replace(/[\s.,']/g, '');
  if (digits === '') return null;
  return /^\d{1,10}$/.test(digits) ? Number(digits) : Number.NaN;
}
