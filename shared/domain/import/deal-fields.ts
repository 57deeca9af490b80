import { parseDate } from './dates';
import type { CellProblem } from './problems';
import { foldHeader } from './fields';
import { cellText, foldValue, type Cell } from './values';

/**
 * The columns of a CRM's deals export (HubSpot-, Salesforce- and Pipedrive-style, Spanish and English), by header
 * names; Salesforce's Data Loader writes its API names (STAGENAME, CLOSEDATE, CURRENCYISOCODE), Pipedrive prefixes its
 * own ("Deal - Value", folded to "deal value").
 */
export const DEAL_FIELDS = {
  dealId: ['deal id', 'record id', 'id del negocio', 'id negocio', 'opportunity id', 'id de oportunidad', 'id'],
  dealName: [
    'deal name',
    'nombre del negocio',
    'negocio',
    'opportunity name',
    'nombre de la oportunidad',
    'oportunidad',
    'deal title',
    'title',
    'name',
  ],
  closeDate: [
    'close date',
    'fecha de cierre',
    'closed date',
    'fecha cierre',
    'cierre',
    'closedate',
    'deal won time',
    'won time',
    'deal closed on',
    'closed on',
  ],
  stage: ['deal stage', 'etapa del negocio', 'stage', 'stage name', 'stagename', 'etapa', 'fase', 'estado'],
  /** Won, lost or open apart from the stage, where a CRM keeps them apart (Pipedrive's stages are its pipeline's). */
  status: ['deal status', 'status', 'estado del negocio'],
  company: [
    'associated company',
    'company',
    'company name',
    'account name',
    'empresa',
    'empresa asociada',
    'cuenta',
    'nombre de la cuenta',
    'deal organization',
    'organization',
    'organisation',
    'organizacion',
  ],
  contact: [
    'associated contact',
    'contact',
    'contact name',
    'primary contact',
    'contacto',
    'nombre del contacto',
    'contacto asociado',
    'deal contact person',
    'contact person',
    'persona de contacto',
  ],
  email: ['email', 'contact email', 'correo', 'correo electronico', 'e mail', 'person email work', 'person email'],
  amount: ['amount', 'importe', 'valor', 'deal amount', 'monto', 'cantidad', 'deal value', 'value'],
  currency: [
    'currency',
    'amount currency',
    'moneda',
    'divisa',
    'deal currency code',
    'currency iso code',
    'currencyisocode',
    'deal currency',
    'deal currency of value',
    'currency of value',
  ],
  product: ['product', 'producto', 'product name', 'line item', 'linea de pedido'],
} as const;
export type DealField = keyof typeof DEAL_FIELDS;
export const REQUIRED_DEAL_FIELDS: readonly DealField[] = ['dealId', 'amount', 'stage'];

/** Each deal field's column among a file's headers (the most specific name wins); missing ones are absent. */
export function dealColumns(headers: readonly string[]): Partial<Record<DealField, number>> {
  const found: Partial<Record<DealField, { at: number; rank: number }>> = {};
  headers.forEach((header, at) => {
    const folded = foldHeader(header);
    for (const [field, names] of Object.entries(DEAL_FIELDS) as [DealField, readonly string[]][]) {
      const rank = names.indexOf(folded);
      if (rank >= 0 && (found[field] === undefined || rank < (found[field]?.rank as number)))
        found[field] = { at, rank };
    }
  });
  return Object.fromEntries(Object.entries(found).map(([field, hit]) => [field, hit.at]));
}

/** Whether a file's headers are a deals export's: a deal id, an amount and a stage. */
export function looksLikeDeals(headers: readonly string[]): boolean {
  const found = dealColumns(headers);
  return REQUIRED_DEAL_FIELDS.every((field) => found[field] !== undefined);
}

/**
 * A deals export taken as messages, refused as such unless the mapping names the text's column: a guess would take a
 * deal's description for it.
 */
export function dealsAsMessages(
  headers: readonly string[],
  given: { columns: { text?: string } } | undefined,
): boolean {
  return given?.columns.text === undefined && looksLikeDeals(headers);
}

/** What a CRM's stage name means for a sale. */
export function dealStatus(stage: string): 'won' | 'lost' | 'open' {
  const folded = foldValue(stage);
  if (/\b(won|closedwon|ganad[oa]|cerrad[oa] ganad[oa]|closed won)\b/.test(folded)) return 'won';
  if (/\b(lost|closedlost|perdid[oa]|cerrad[oa] perdid[oa]|closed lost)\b/.test(folded)) return 'lost';
  return 'open';
}

/** An amount as exports write it: 18000, 18000.50, 18.000,50, 18,000.50, "€ 1.200". */
export function parseAmount(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  let text = cellText(cell).replace(/[^\d.,-]/g, '');
  if (text === '' || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  const decimal = lastComma > lastDot ? ',' : '.';
  const decimals = text.length - Math.max(lastComma, lastDot) - 1;
  // One kind of separator, followed by three digits or written more than once, groups thousands ("18.000",
  // "1,200,000").
  const grouping = (lastComma < 0 || lastDot < 0) && (decimals === 3 || text.split(decimal).length > 2);
  text = grouping
    ? text.replace(/[.,]/g, '')
    : text
        .split(decimal === ',' ? '.' : ',')
        .join('')
        .replace(',', '.');
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * A contact cell as CRMs write it with its email: HubSpot's "Ana Gil (ana@gil.es)", a mail client's "Ana Gil
 * <ana@gil.es>", the first of several ("…; Luis Paz (luis@paz.es)"); any other cell is the name alone.
 */
export function contactParts(written: string): { name: string | null; email: string | null } {
  const withEmail = /^\s*([^;]*?)\s*[(<]\s*([^\s()<>;@]+@[^\s()<>;@]+)\s*[)>]/.exec(written);
  if (!withEmail) return { name: written, email: null };
  return { name: (withEmail[1] as string) || null, email: (withEmail[2] as string).toLowerCase() };
}

export interface DealRow {
  dealId: string;
  name: string | null;
  stage: string;
  status: 'won' | 'lost' | 'open';
  closedAt: number | null;
  company: string | null;
  contact: string | null;
  email: string | null;
  amount: number;
  currency: string;
  product: string | null;
}

/** A row of a deals export, or the first of its cells that cannot be read (its column named). */
export function readDealRow(
  values: readonly Cell[],
  columns: Partial<Record<DealField, number>>,
  headers: readonly string[],
  timeZone: string,
  /** The currency of an amount whose row names none (the file has no currency column, or the cell is empty). */
  currencyUnnamed = 'EUR',
): { deal: DealRow; currencyAssumed: boolean } | { column: string; problem: CellProblem } {
  const text = (field: DealField): string | null => {
    const at = columns[field];
    const value = at === undefined ? '' : cellText(values[at] ?? null);
    return value === '' ? null : value;
  };
  const named = (field: DealField): string => headers[columns[field] as number] ?? field;
  const dealId = text('dealId');
  if (!dealId) return { column: named('dealId'), problem: { code: 'deal-no-id' } };
  const stage = text('stage');
  if (!stage) return { column: named('stage'), problem: { code: 'deal-no-stage' } };
  // A stage that says won or lost says it; else the status column, where the file has one.
  const byStage = dealStatus(stage);
  const status = byStage === 'open' ? dealStatus(text('status') ?? '') : byStage;
  // A deal still open (or lost) may have no amount yet, as CRMs' prospects do; a sale must say what it brought.
  const written = text('amount');
  if (written === null && status === 'won') return { column: named('amount'), problem: { code: 'sale-no-amount' } };
  const amount = written === null ? 0 : parseAmount(values[columns.amount as number] ?? null);
  if (amount === null) return { column: named('amount'), problem: { code: 'amount-unread', value: written ?? '' } };
  let closedAt: number | null = null;
  if (text('closeDate')) {
    const parsed = parseDate(values[columns.closeDate as number] ?? null, null, timeZone);
    if (!parsed.ok) return { column: named('closeDate'), problem: parsed.problem };
    closedAt = parsed.value;
  }
  const contact = contactParts(text('contact') ?? '');
  const currencyWritten = text('currency');
  const currency = (currencyWritten ?? currencyUnnamed).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    return { column: named('currency'), problem: { code: 'currency-unknown', value: currency } };
  return {
    deal: {
      dealId,
      name: text('dealName'),
      stage,
      status,
      closedAt,
      company: text('company'),
      contact: contact.name || null,
      email: text('email') ?? contact.email,
      amount,
      currency,
      product: text('product'),
    },
    currencyAssumed: currencyWritten === null,
  };
}
