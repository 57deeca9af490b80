import { foldText } from './matching';

/**
 * Matching a CRM's closed deals to the leads the analysts traced (issue 27): by the deal's id where a lead was given
 * it, then by email, then by the contact's name and company normalized. Pure.
 */

/** Legal forms a company's name carries or not from one system to the next. */
const LEGAL_SUFFIXES = [
  'sau',
  'sa',
  'sl',
  'slu',
  'sll',
  'slne',
  'scoop',
  'sc',
  'cb',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'bv',
  'nv',
  'srl',
  'spa',
  'sas',
  'sarl',
  'co',
  'corp',
  'corporation',
  'company',
];

/** A name folded to compare: no accents, case or punctuation, spaces single ("José  Pérez-Gil" → "jose perez gil"). */
export function normalizePerson(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A company's name folded to compare, its legal form left out wherever it stands at the end ("Acme, S.A.U." and
 * "ACME SAU" and "Acme" are one).
 */
export function normalizeCompany(name: string): string {
  // Dotted forms first ("S.A.U.", "S. L."), whose letters would otherwise be separate words.
  const words = foldText(name)
    .replace(/\b(\p{L})\.\s?(?=\p{L}\.)/gu, '$1')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.includes(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export type MatchMethod = 'deal-id' | 'email' | 'name-company' | 'manual';

export interface LeadToMatch {
  id: number;
  /** A CRM deal id the lead was given, when it was. */
  dealId: string | null;
  email: string | null;
  contact: string | null;
  company: string | null;
}

export interface DealToMatch {
  dealId: string;
  email: string | null;
  contact: string | null;
  company: string | null;
}

export type DealMatch =
  | { state: 'matched'; lead: number; method: MatchMethod }
  | { state: 'ambiguous'; leads: number[]; method: MatchMethod }
  | { state: 'unmatched' };

/** The leads, indexed once, and a deal's match among them: the first rule that finds any decides. */
export function createDealMatcher(leads: readonly LeadToMatch[]) {
  const index = (key: (lead: LeadToMatch) => string | null): Map<string, number[]> => {
    const map = new Map<string, number[]>();
    for (const lead of leads) {
      const value = key(lead);
      if (!value) continue;
      map.set(value, [...(map.get(value) ?? []), lead.id]);
    }
    return map;
  };
  const byDeal = index((lead) => lead.dealId);
  const byEmail = index((lead) => (lead.email ? normalizeEmail(lead.email) : null));
  const byPerson = index((lead) =>
    lead.contact && lead.company ? `${normalizePerson(lead.contact)}|${normalizeCompany(lead.company)}` : null,
  );
  return (deal: DealToMatch): DealMatch => {
    const rules: [MatchMethod, string | null, Map<string, number[]>][] = [
      ['deal-id', deal.dealId, byDeal],
      ['email', deal.email ? normalizeEmail(deal.email) : null, byEmail],
      [
        'name-company',
        deal.contact && deal.company ? `${normalizePerson(deal.contact)}|${normalizeCompany(deal.company)}` : null,
        byPerson,
      ],
    ];
    for (const [method, key, map] of rules) {
      const found = key ? map.get(key) : undefined;
      if (!found) continue;
      return found.length === 1
        ? { state: 'matched', lead: found[0] as number, method }
        : { state: 'ambiguous', leads: found, method };
    }
    return { state: 'unmatched' };
  };
}
