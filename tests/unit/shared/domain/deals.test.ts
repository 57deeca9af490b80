import { describe, expect, it } from 'vitest';
import { createDealMatcher, normalizeCompany, normalizePerson } from '../../../../shared/domain/deals';

describe('names as CRMs and analysts write them', () => {
  it('folds accents, case, punctuation and legal forms away', () => {
    expect(
      ['Acme, S.A.U.', 'ACME SAU', 'Acme S. A.', 'acme', 'Acme Inc.', 'Acme, Ltd', 'ACME GmbH', 'Acme LLC'].map(
        normalizeCompany,
      ),
    ).toEqual(Array(8).fill('acme'));
    expect(normalizeCompany('Telefónica Soluciones de Informática y Comunicaciones de España, S.L.U.')).toBe(
      'telefonica soluciones de informatica y comunicaciones de espana',
    );
    // A company that is only its legal form keeps it; "Co" inside a name stays.
    expect(normalizeCompany('S.L.')).toBe('sl');
    expect(normalizeCompany('Co Works S.L.')).toBe('co works');
    expect(normalizePerson('  José  Pérez-Gil ')).toBe('jose perez gil');
  });
});

describe('matching deals to leads', () => {
  const match = createDealMatcher([
    { id: 1, dealId: 'HS-100', email: null, contact: 'Marta Ruiz', company: 'Acme S.L.' },
    { id: 2, dealId: null, email: 'Luis@Beta.es', contact: 'Luis Gómez', company: 'Beta' },
    { id: 3, dealId: null, email: null, contact: 'Ana Pérez', company: 'Gamma S.A.' },
    // Two leads at one company with one contact's name: a deal naming them is ambiguous.
    { id: 4, dealId: null, email: null, contact: 'Jordi Puig', company: 'Delta SL' },
    { id: 5, dealId: null, email: null, contact: 'Jordi Puig', company: 'Delta, S.L.' },
    // Another person at Acme: the company alone matches nothing.
    { id: 6, dealId: null, email: null, contact: 'Pedro Sanz', company: 'ACME' },
  ]);

  it('by deal id, then email, then name and company, saying how', () => {
    expect(match({ dealId: 'HS-100', email: 'x@y.z', contact: 'Otro', company: 'Otra' })).toEqual({
      state: 'matched',
      lead: 1,
      method: 'deal-id',
    });
    expect(match({ dealId: 'HS-200', email: ' luis@beta.es', contact: null, company: null })).toEqual({
      state: 'matched',
      lead: 2,
      method: 'email',
    });
    expect(match({ dealId: 'HS-300', email: null, contact: 'ana perez', company: 'GAMMA, S.A.' })).toEqual({
      state: 'matched',
      lead: 3,
      method: 'name-company',
    });
  });

  it('lists an ambiguous contact and an unknown one for the user to resolve, never guessing', () => {
    expect(match({ dealId: 'HS-400', email: null, contact: 'Jordi Puig', company: 'Delta S.L.' })).toEqual({
      state: 'ambiguous',
      leads: [4, 5],
      method: 'name-company',
    });
    expect(match({ dealId: 'HS-500', email: null, contact: 'Laura Vidal', company: 'Acme' })).toEqual({
      state: 'unmatched',
    });
  });
});
