import { caseTypeText } from '../../../shared/domain/grid-text';
import { cell, row, type DeckContext } from './deck-context';
import type { DeckSection } from './deck';

// The deck's sections on the people: care, customers (happy, unhappy, influencers), the community.

export function care(c: DeckContext): DeckSection {
  const { kpis, tr, section } = c;

  const { care } = kpis;
  const types = Object.entries(care.resolutionHoursByType);
  return section(
    'care',
    tr('deck.caption.care', { requested: care.requested, resolved: care.resolved, breaches: care.slaBreaches }),
    [
      {
        key: 'funnel',
        title: tr('deck.table.funnel'),
        columns: [
          { header: tr('deck.column.stage'), format: 'text' },
          { header: tr('deck.column.cases'), format: 'int' },
        ],
        rows: [
          row(tr('deck.care.requested'), care.requested),
          row(tr('deck.care.attended'), care.attended),
          row(tr('deck.care.resolved'), care.resolved),
        ],
      },
      {
        key: 'service',
        title: tr('deck.table.service'),
        columns: [
          { header: tr('deck.column.figure'), format: 'text' },
          { header: tr('deck.column.value'), format: 'dec1' },
        ],
        rows: [
          row(tr('deck.care.firstResponseMedian'), care.firstResponseMinutes.median),
          row(tr('deck.care.firstResponseP90'), care.firstResponseMinutes.p90),
          [cell(tr('deck.care.slaTarget')), cell(care.slaMinutes, 'int')],
          [cell(tr('deck.care.slaBreaches')), cell(care.slaBreaches, 'int')],
          [cell(tr('deck.care.waiting')), cell(care.waiting, 'int')],
          row(tr('deck.care.waitingMedian'), care.waitingHours.median),
        ],
      },
      {
        key: 'resolution',
        title: tr('deck.table.resolution'),
        columns: [
          { header: tr('deck.column.caseType'), format: 'text' },
          { header: tr('deck.column.cases'), format: 'int' },
          { header: tr('deck.column.medianHours'), format: 'dec1' },
          { header: tr('deck.column.p90Hours'), format: 'dec1' },
        ],
        rows: types.map(([type, figures]) => row(caseTypeText(type, c.t), figures.count, figures.median, figures.p90)),
      },
    ],
    [
      {
        title: tr('deck.chart.funnel'),
        kind: 'column',
        grouping: 'clustered',
        table: 'funnel',
        series: [1],
        colors: ['2F6FDE'],
      },
      ...(types.length > 0
        ? [
            {
              title: tr('deck.chart.resolution'),
              kind: 'column' as const,
              grouping: 'clustered' as const,
              table: 'resolution',
              series: [2, 3],
              colors: ['67A9CF', 'F28E2B'],
            },
          ]
        : []),
    ],
  );
}

export function customers(c: DeckContext): DeckSection {
  const { kpis, tr, noData, section } = c;

  const { users, influence } = kpis;
  return section(
    'customers',
    tr('deck.caption.customers', { happy: users.happy, unhappy: users.unhappy, converted: users.unhappyToHappy }),
    [
      {
        key: 'users',
        title: tr('deck.table.users'),
        columns: [
          { header: tr('deck.column.group'), format: 'text' },
          { header: tr('deck.column.authors'), format: 'int' },
          { header: tr('deck.column.share'), format: 'pct' },
        ],
        rows: [
          row(tr('deck.users.happy'), users.happy, users.happyRatio),
          row(tr('deck.users.unhappy'), users.unhappy, users.unhappyRatio),
          row(tr('deck.users.unhappyToHappy'), users.unhappyToHappy, users.unhappyToHappyRatio),
          row(tr('deck.users.happyToUnhappy'), users.happyToUnhappy, users.happyToUnhappyRatio),
        ],
      },
      {
        key: 'advocates',
        title: tr('deck.table.advocates'),
        columns: [
          { header: tr('deck.column.entity'), format: 'text' },
          { header: tr('deck.column.evangelists'), format: 'int' },
          { header: tr('deck.column.detractors'), format: 'int' },
        ],
        rows: kpis.entities.map((e) => row(e.name, e.evangelists, e.detractors)),
      },
      {
        key: 'influencers',
        title: tr('deck.table.influencers'),
        note: tr('deck.influenceFormula', { formula: influence.formula }),
        columns: [
          { header: tr('deck.column.author'), format: 'text' },
          { header: tr('deck.column.network'), format: 'text' },
          { header: tr('deck.column.followers'), format: 'int' },
          { header: tr('deck.column.messages'), format: 'int' },
          { header: tr('deck.column.engagement'), format: 'int' },
          { header: tr('deck.column.repliesReceived'), format: 'int' },
          { header: tr('deck.column.meanTemperature'), format: 'dec2' },
          { header: tr('deck.column.influence'), format: 'dec2' },
        ],
        rows: influence.top.map((a) =>
          row(
            a.handle,
            a.source,
            a.followers,
            a.messages,
            a.engagement,
            a.repliesReceived,
            a.meanTemperature,
            a.parts.score,
          ),
        ),
      },
    ],
    [
      {
        title: tr('deck.chart.users'),
        kind: 'column',
        grouping: 'clustered',
        table: 'users',
        series: [1],
        colors: ['2F6FDE'],
      },
      ...(kpis.entities.length > 0
        ? [
            {
              title: tr('deck.chart.advocates'),
              kind: 'bar' as const,
              grouping: 'clustered' as const,
              table: 'advocates',
              series: [1, 2],
              colors: ['1A9850', 'B2182B'],
            },
          ]
        : []),
    ],
    noData,
    users.authors === 0
      ? []
      : [
          { title: tr('deck.picture.userFlows'), chart: 'user-flows' },
          ...(influence.top.length > 0 ? [{ title: tr('deck.picture.influence'), chart: 'top-influencers' }] : []),
        ],
  );
}

export function community(c: DeckContext): DeckSection {
  const { kpis, tr, noData, section } = c;

  const channels = kpis.community;
  return section(
    'community',
    tr('deck.caption.community', { followers: channels.reduce((sum, c) => sum + (c.followersEnd ?? 0), 0) }),
    [
      {
        key: 'channels',
        title: tr('deck.table.channels'),
        columns: [
          { header: tr('deck.column.channel'), format: 'text' },
          { header: tr('deck.column.followersStart'), format: 'int' },
          { header: tr('deck.column.followersEnd'), format: 'int' },
          { header: tr('deck.column.growth'), format: 'pct' },
          { header: tr('deck.column.posts'), format: 'int' },
          { header: tr('deck.column.interactions'), format: 'int' },
          { header: tr('deck.column.engagementRate'), format: 'pct' },
          { header: tr('deck.column.activeShare'), format: 'pct' },
        ],
        rows: channels.map((c) =>
          row(
            `${c.source} · ${c.channel}`,
            c.followersStart,
            c.followersEnd,
            c.followerGrowth,
            c.posts,
            c.interactions,
            c.engagementRate,
            c.activeMemberShare,
          ),
        ),
      },
    ],
    [
      {
        title: tr('deck.chart.followers'),
        kind: 'column',
        grouping: 'clustered',
        table: 'channels',
        series: [1, 2],
        colors: ['BAB0AC', '2F6FDE'],
      },
    ],
    channels.length === 0 ? tr('deck.noCommunity') : noData,
  );
}
