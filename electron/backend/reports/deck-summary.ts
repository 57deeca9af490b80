import { cell, row, change, difference, points, type DeckContext } from './deck-context';
import type { CellFormat, DeckCell, DeckSection } from './deck';
import type { Ratio } from '../../../shared/api/kpis';

// The deck's cover (the executive summary and the three legs) and its sheet of definitions.

export function summary(c: DeckContext): DeckSection {
  const { input, kpis, tr, own, ownIn, messagesCaption, section } = c;

  const previous = kpis.previousPeriod;
  const lastYear = kpis.yearBefore;
  const count = (label: string, now: number, before: number, yearAgo: number): DeckCell[] => [
    cell(label),
    cell(now, 'int'),
    cell(before, 'int'),
    cell(change(now, before), 'change'),
    cell(yearAgo, 'int'),
    cell(change(now, yearAgo), 'change'),
  ];
  const share = (label: string, now: Ratio, before: Ratio, yearAgo: Ratio, format: CellFormat = 'pct'): DeckCell[] => [
    cell(label),
    cell(now, format),
    cell(before, format),
    cell(points(now, before), 'points'),
    cell(yearAgo, format),
    cell(points(now, yearAgo), 'points'),
  ];
  const headline: DeckCell[][] = [
    count(tr('deck.figure.messages'), kpis.totals.messages, previous.totals.messages, lastYear.totals.messages),
    count(tr('deck.figure.labeled'), kpis.totals.labeled, previous.totals.labeled, lastYear.totals.labeled),
    share(tr('deck.figure.netTemperature'), kpis.netTemperature, previous.netTemperature, lastYear.netTemperature),
    [
      cell(tr('deck.figure.meanTemperature')),
      cell(kpis.meanTemperature, 'dec2'),
      cell(previous.meanTemperature, 'dec2'),
      cell(difference(kpis.meanTemperature, previous.meanTemperature), 'delta'),
      cell(lastYear.meanTemperature, 'dec2'),
      cell(difference(kpis.meanTemperature, lastYear.meanTemperature), 'delta'),
    ],
  ];
  if (own)
    headline.push(
      share(
        tr('deck.figure.shareOfVoice', { entity: own.name }),
        own.shareOfVoice,
        ownIn(previous)?.shareOfVoice ?? null,
        ownIn(lastYear)?.shareOfVoice ?? null,
      ),
    );
  const roi = input.roi;
  const legs: DeckCell[][] = [
    [cell(tr('deck.leg.financial')), cell(tr('deck.figure.roiLinear')), cell(roi?.roi.linear ?? null, 'pct')],
    [
      cell(''),
      cell(tr('deck.figure.revenueLinear', { currency: roi?.currency ?? '' })),
      cell(roi?.attributedRevenue.linear ?? null, 'money'),
    ],
    [cell(''), cell(tr('deck.figure.cost', { currency: roi?.currency ?? '' })), cell(roi?.cost ?? null, 'money')],
    [cell(tr('deck.leg.kpis')), cell(tr('deck.figure.netTemperature')), cell(kpis.netTemperature, 'pct')],
    [cell(''), cell(tr('deck.figure.casesResolved')), cell(kpis.care.resolved, 'int')],
    [cell(''), cell(tr('deck.figure.slaBreaches')), cell(kpis.care.slaBreaches, 'int')],
    [cell(''), cell(tr('deck.figure.happyUsers')), cell(kpis.users.happy, 'int')],
    [cell(tr('deck.leg.other')), cell(tr('deck.figure.authors')), cell(kpis.users.authors, 'int')],
    [
      cell(''),
      cell(tr('deck.figure.followers')),
      cell(
        kpis.community.reduce((sum, channel) => sum + (channel.followersEnd ?? 0), 0),
        'int',
      ),
    ],
  ];
  if (own)
    legs.splice(4, 0, [
      cell(''),
      cell(tr('deck.figure.shareOfVoice', { entity: own.name })),
      cell(own.shareOfVoice, 'pct'),
    ]);
  return section(
    'summary',
    messagesCaption,
    [
      {
        key: 'headline',
        title: tr('deck.table.headline'),
        columns: [
          { header: tr('deck.column.figure'), format: 'text' },
          { header: tr('deck.column.thisPeriod'), format: 'int' },
          { header: tr('deck.column.previousPeriod'), format: 'int' },
          { header: tr('deck.column.change'), format: 'change' },
          { header: tr('deck.column.yearBefore'), format: 'int' },
          { header: tr('deck.column.change'), format: 'change' },
        ],
        rows: headline,
      },
      {
        key: 'legs',
        title: tr('deck.table.legs'),
        columns: [
          { header: tr('deck.column.leg'), format: 'text' },
          { header: tr('deck.column.figure'), format: 'text' },
          { header: tr('deck.column.value'), format: 'int' },
        ],
        rows: legs,
      },
    ],
    [],
    null,
  );
}

export function definitions(c: DeckContext): DeckSection {
  const { tr, section } = c;
  return section(
    'definitions',
    '',
    [
      {
        key: 'definitions',
        title: tr('deck.title.definitions'),
        columns: [
          { header: tr('deck.column.kpi'), format: 'text' },
          { header: tr('deck.column.definition'), format: 'text' },
        ],
        rows: DEFINITIONS.map((key) => row(tr(`deck.kpi.${key}`), tr(`deck.definition.${key}`))),
      },
    ],
    [],
    null,
  );
}

/** The KPIs the definitions sheet explains, in its order. */
const DEFINITIONS = [
  'shareOfVoice',
  'shareOfConversation',
  'netTemperature',
  'meanTemperature',
  'users',
  'advocates',
  'care',
  'sla',
  'influence',
  'engagement',
  'attribution',
  'roi',
] as const;
