import { cell, row, change, PALETTE, type DeckContext } from './deck-context';
import type { DeckSection } from './deck';
import { ATTRIBUTION_MODELS } from '../../../shared/domain/attribution';

// The deck's B2B leads and ROI section: the attribution models side by side, the cost model, days to sale.

export function leads(c: DeckContext): DeckSection | null {
  const { input, t, tr, percentText, changeText, section } = c;

  const roi = input.roi;
  if (!roi && !input.sectionsChosen) return null;
  if (!roi) return section('leads', tr('deck.noLeads'), [], [], tr('deck.noLeads'));
  const currency = roi.currency;
  const previousRevenue = input.previousRoi?.attributedRevenue.linear ?? null;
  return section(
    'leads',
    tr('deck.caption.leads', {
      revenue: `${t.number(roi.attributedRevenue.linear, 0)} ${currency}`,
      roi: percentText(roi.roi.linear),
      change: previousRevenue === null ? '' : changeText(change(roi.attributedRevenue.linear, previousRevenue)),
    }),
    [
      {
        key: 'models',
        title: tr('deck.table.models'),
        columns: [
          { header: tr('deck.column.model'), format: 'text' },
          { header: tr('deck.column.revenue', { currency }), format: 'money' },
          { header: tr('deck.column.roi'), format: 'pct' },
        ],
        rows: ATTRIBUTION_MODELS.map((model) =>
          row(tr(`model.${model}`), roi.attributedRevenue[model], roi.roi[model]),
        ),
      },
      {
        key: 'costs',
        title: tr('deck.table.costs'),
        columns: [
          { header: tr('deck.column.item'), format: 'text' },
          { header: tr('deck.column.amount', { currency: roi.costs?.currency ?? currency }), format: 'money' },
        ],
        rows: [
          row(tr('deck.cost.communityManager'), roi.costs?.communityManager ?? null),
          row(tr('deck.cost.agency'), roi.costs?.agency ?? null),
          row(tr('deck.cost.tools'), roi.costs?.tools ?? null),
          row(tr('deck.cost.ads'), roi.costs?.ads ?? null),
          row(tr('deck.cost.total'), roi.cost),
        ],
      },
      {
        key: 'pipeline',
        title: tr('deck.table.pipeline'),
        columns: [
          { header: tr('deck.column.figure'), format: 'text' },
          { header: tr('deck.column.value'), format: 'int' },
        ],
        rows: [
          row(tr('deck.pipeline.leads'), roi.leads),
          row(tr('deck.pipeline.won'), roi.won),
          row(tr('deck.pipeline.lost'), roi.lost),
          [cell(tr('deck.pipeline.conversion')), cell(roi.conversionRate, 'pct')],
          row(tr('deck.pipeline.medianDays'), roi.daysToSale.median),
          row(tr('deck.pipeline.p90Days'), roi.daysToSale.p90),
        ],
      },
      {
        key: 'daysToSale',
        title: tr('deck.table.daysToSale'),
        columns: [
          { header: tr('deck.column.days'), format: 'text' },
          { header: tr('deck.column.deals'), format: 'int' },
        ],
        rows: roi.daysToSale.histogram.map((bin) =>
          row(bin.to === null ? `${bin.from}+` : `${bin.from}–${bin.to - 1}`, bin.deals),
        ),
      },
      {
        key: 'bySource',
        title: tr('deck.table.bySource'),
        columns: [
          { header: tr('deck.column.network'), format: 'text' },
          { header: tr('deck.column.revenue', { currency }), format: 'money' },
        ],
        rows: Object.entries(roi.attributedBySource.linear).map(([source, amount]) => row(source, amount)),
      },
    ],
    [
      {
        title: tr('deck.chart.models'),
        kind: 'combo',
        table: 'models',
        series: [1],
        secondary: [2],
        colors: ['2F6FDE', 'F28E2B'],
      },
      {
        title: tr('deck.chart.daysToSale'),
        kind: 'column',
        grouping: 'clustered',
        table: 'daysToSale',
        series: [1],
        colors: ['59A14F'],
      },
      ...(Object.keys(roi.attributedBySource.linear).length > 0
        ? [
            {
              title: tr('deck.chart.bySource'),
              kind: 'pie' as const,
              table: 'bySource',
              series: [1],
              pointColors: Object.keys(roi.attributedBySource.linear).map(
                (_, i) => PALETTE[i % PALETTE.length] as string,
              ),
            },
          ]
        : []),
    ],
    null,
  );
}
