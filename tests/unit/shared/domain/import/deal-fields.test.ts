import { describe, expect, it } from 'vitest';
import {
  contactParts,
  dealColumns,
  dealStatus,
  parseAmount,
  readDealRow,
} from '../../../../../shared/domain/import/deal-fields';

describe("a CRM's deals export", () => {
  it('finds the columns of HubSpot- and Salesforce-style exports, in Spanish and English', () => {
    expect(
      dealColumns([
        'Record ID',
        'Deal Name',
        'Deal Stage',
        'Close Date',
        'Amount',
        'Associated Company',
        'Associated Contact',
      ]),
    ).toEqual({ dealId: 0, dealName: 1, stage: 2, closeDate: 3, amount: 4, company: 5, contact: 6 });
    expect(
      dealColumns([
        'Opportunity ID',
        'Opportunity Name',
        'Stage',
        'Close Date',
        'Amount',
        'Amount Currency',
        'Account Name',
        'Email',
      ]),
    ).toMatchObject({ dealId: 0, dealName: 1, stage: 2, amount: 4, currency: 5, company: 6, email: 7 });
    expect(
      dealColumns([
        'ID del negocio',
        'Nombre del negocio',
        'Etapa del negocio',
        'Fecha de cierre',
        'Importe',
        'Moneda',
        'Empresa',
        'Contacto',
        'Correo electrónico',
        'Producto',
      ]),
    ).toEqual({
      dealId: 0,
      dealName: 1,
      stage: 2,
      closeDate: 3,
      amount: 4,
      currency: 5,
      company: 6,
      contact: 7,
      email: 8,
      product: 9,
    });
  });

  it('reads stages and amounts as CRMs write them', () => {
    expect(
      ['Closed Won', 'Cerrada ganada', 'closedwon', 'Ganado', 'Closed Lost', 'Perdida', 'Propuesta enviada'].map(
        dealStatus,
      ),
    ).toEqual(['won', 'won', 'won', 'won', 'lost', 'lost', 'open']);
    expect(
      ['18000', '18000.50', '18.000,50', '18,000.50', '18.000', '1.200.000', '1,5', '€ 1.200', 'n/a', 2500].map((v) =>
        parseAmount(v),
      ),
    ).toEqual([18000, 18000.5, 18000.5, 18000.5, 18000, 1200000, 1.5, 1200, null, 2500]);
  });

  it("splits a contact written with its email (HubSpot's, a mail client's), the first of several", () => {
    expect(
      [
        'Ana Gil (Ana@Gil.es)',
        'Ana Gil <ana@gil.es>',
        'Ana Gil (ana@gil.es);Luis Paz (luis@paz.es)',
        '(ana@gil.es)',
        'Ana Gil',
        'Grupo Sur (Sevilla)',
      ].map(contactParts),
    ).toEqual([
      { name: 'Ana Gil', email: 'ana@gil.es' },
      { name: 'Ana Gil', email: 'ana@gil.es' },
      { name: 'Ana Gil', email: 'ana@gil.es' },
      { name: null, email: 'ana@gil.es' },
      { name: 'Ana Gil', email: null },
      { name: 'Grupo Sur (Sevilla)', email: null },
    ]);
  });

  it('takes an open deal with no amount as worth nothing yet, and refuses a sale without one', () => {
    const columns = dealColumns(['Deal ID', 'Stage', 'Amount']);
    expect(readDealRow(['D-1', 'Prospecting', ''], columns, ['Deal ID', 'Stage', 'Amount'], 'UTC')).toMatchObject({
      deal: { status: 'open', amount: 0 },
    });
    expect(readDealRow(['D-2', 'Closed Won', ''], columns, ['Deal ID', 'Stage', 'Amount'], 'UTC')).toEqual({
      column: 'Amount',
      problem: { code: 'sale-no-amount' },
    });
  });

  it("gives a row that names no currency the one it is told, and says so; a row's own currency wins", () => {
    const headers = ['Deal ID', 'Stage', 'Amount', 'Currency'];
    const columns = dealColumns(headers);
    expect(readDealRow(['D-1', 'Closed Won', '900', ''], columns, headers, 'UTC', 'USD')).toMatchObject({
      deal: { currency: 'USD' },
      currencyAssumed: true,
    });
    expect(readDealRow(['D-2', 'Closed Won', '900', 'gbp'], columns, headers, 'UTC', 'USD')).toMatchObject({
      deal: { currency: 'GBP' },
      currencyAssumed: false,
    });
    expect(readDealRow(['D-3', 'Closed Won', '900'], dealColumns(headers.slice(0, 3)), headers, 'UTC')).toMatchObject({
      deal: { currency: 'EUR' },
      currencyAssumed: true,
    });
  });
});
