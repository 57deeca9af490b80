import { useState } from 'react';
import type { Ratio } from '../../../../shared/api/kpis';
import { ROI_BREAKDOWNS, type RoiBreakdown, type RoiReport } from '../../../../shared/domain/roi';
import { ATTRIBUTION_MODELS } from '../../../../shared/domain/attribution';
import type { MessageKey } from '../../../../shared/i18n';
import { useApi } from '../../api/useApi';
import { CommunitySnapshots } from './CommunitySnapshots';
import { CostModel } from './CostModel';
import { useI18n } from '../../app/i18n';
import { sourceText } from '../../../../shared/domain/grid-text';

/** The quarter `offset` quarters from the one holding `now`, as inclusive days. */
export function quarterOf(now: Date, offset: number): { from: string; to: string; label: string } {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const quarter = index - year * 4;
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = new Date(Date.UTC(year, quarter * 3 + 3, 0)).getUTCDate();
  return {
    from: `${year}-${pad(quarter * 3 + 1)}-01`,
    to: `${year}-${pad(quarter * 3 + 3)}-${pad(last)}`,
    label: `${year}Q${quarter + 1}`,
  };
}

/**
 * ROI with its two other legs, for a quarter: the ROI (each attribution model's revenue and ROI, by source, beside the
 * cost), the satisfaction KPIs, and the other information (community) — so a negative ROI is read beside what the
 * channel is worth beyond money.
 */
export function ThreeLegs() {
  const i18n = useI18n();
  const { t, number } = i18n;
  const [offset, setOffset] = useState(0);
  const [attribution, setAttribution] = useState({ windowDays: 180, halfLifeDays: 7 });
  const [recording, setRecording] = useState<string | null>(null);
  const period = quarterOf(new Date(), offset);
  const roiOf = (quarter: { from: string; to: string }) => ({ from: quarter.from, to: quarter.to, ...attribution });
  const report = useApi('kpis.get', { from: period.from, to: period.to }, { reloadOn: ['writes'] });
  const roi = useApi('kpis.roi', roiOf(period), { reloadOn: ['writes'] });
  // The same quarter's ROI against the one before and the same one a year earlier.
  const previous = useApi('kpis.roi', roiOf(quarterOf(new Date(), offset - 1)), { reloadOn: ['writes'] });
  const yearBefore = useApi('kpis.roi', roiOf(quarterOf(new Date(), offset - 4)), { reloadOn: ['writes'] });
  const pct = (value: Ratio): string => (value === null ? '—' : `${number(value * 100, 1)} %`);
  const data = report.data;
  return (
    <div className="three-legs">
      <div className="toolbar">
        <button onClick={() => setOffset(offset - 1)} aria-label={t('legs.previous')}>
          ‹
        </button>
        <strong data-testid="legs-period">{period.label}</strong>
        <button onClick={() => setOffset(offset + 1)} aria-label={t('legs.next')}>
          ›
        </button>
        <label>
          {t('legs.window')}{' '}
          <input
            type="number"
            min={1}
            max={3650}
            className="days"
            defaultValue={attribution.windowDays}
            onBlur={(e) => {
              const days = Number(e.target.value);
              if (Number.isInteger(days) && days >= 1 && days <= 3650)
                setAttribution({ ...attribution, windowDays: days });
            }}
          />
        </label>
        <label>
          {t('legs.halfLife')}{' '}
          <input
            type="number"
            min={0.5}
            max={365}
            step={0.5}
            className="days"
            defaultValue={attribution.halfLifeDays}
            onBlur={(e) => {
              const days = Number(e.target.value);
              if (days >= 0.5 && days <= 365) setAttribution({ ...attribution, halfLifeDays: days });
            }}
          />
        </label>
      </div>
      {data && (
        <div className="legs">
          <RoiLeg
            roi={roi.data}
            previous={previous.data ?? null}
            yearBefore={yearBefore.data ?? null}
            pct={pct}
            period={period}
            onCostSaved={roi.reload}
          />
          <section className="leg" aria-label={t('legs.kpis')}>
            <h2>{t('legs.kpis')}</h2>
            <dl>
              <dt>{t('legs.netTemperature')}</dt>
              <dd>
                {pct(data.netTemperature)}{' '}
                <Change now={data.netTemperature} before={data.previousPeriod.netTemperature} />
              </dd>
              <dt>{t('legs.happyUsers')}</dt>
              <dd>{number(data.users.happy)}</dd>
              <dt>{t('legs.unhappyUsers')}</dt>
              <dd>{number(data.users.unhappy)}</dd>
              <dt>{t('legs.conversions')}</dt>
              <dd>{number(data.users.unhappyToHappy)}</dd>
              {data.entities
                .filter((entity) => entity.role === 'own')
                .map((entity) => (
                  <div key={entity.id} className="pair">
                    <dt>{t('legs.shareOfVoice', { name: entity.name })}</dt>
                    <dd>{pct(entity.shareOfVoice)}</dd>
                  </div>
                ))}
            </dl>
          </section>
          <section className="leg" aria-label={t('legs.other')}>
            <h2>{t('legs.other')}</h2>
            <dl>
              {data.community.map((channel) => (
                <div key={`${channel.source}-${channel.channel}`} className="pair">
                  <dt>{t('legs.followers', { source: `${sourceText(channel.source, i18n)} ${channel.channel}` })}</dt>
                  <dd>
                    {channel.followersEnd === null ? '—' : number(channel.followersEnd)} ({pct(channel.followerGrowth)})
                  </dd>
                </div>
              ))}
              <dt>{t('legs.messages')}</dt>
              <dd>{number(data.totals.messages)}</dd>
            </dl>
            {recording !== period.label && (
              <button type="button" onClick={() => setRecording(period.label)}>
                {t('community.edit')}
              </button>
            )}
          </section>
          {recording === period.label && (
            <div className="wide">
              <CommunitySnapshots period={period} onChanged={report.reload} onClose={() => setRecording(null)} />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** A change against the period before, as ▲ or ▼ with its points. */
function Change({ now, before }: { now: Ratio; before: Ratio }) {
  const { number } = useI18n();
  if (now === null || before === null || now === before) return null;
  const points = (now - before) * 100;
  return (
    <span className={points > 0 ? 'up' : 'down'}>
      {points > 0 ? '▲' : '▼'} {number(Math.abs(points), 1)}
    </span>
  );
}

/** The ROI leg; `roi` undefined while it is read, null when the period has no leads, deals or costs. */
function RoiLeg({
  roi,
  previous,
  yearBefore,
  pct,
  period,
  onCostSaved,
}: {
  roi: RoiReport | null | undefined;
  previous: RoiReport | null;
  yearBefore: RoiReport | null;
  pct(value: Ratio): string;
  period: { from: string; to: string; label: string };
  onCostSaved(): void;
}) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const [breakdown, setBreakdown] = useState<'source' | RoiBreakdown>('source');
  const [editing, setEditing] = useState<string | null>(null);
  const costModel =
    editing === period.label ? (
      <CostModel
        period={period}
        cost={roi && roi.cost !== null ? { total: roi.cost, currency: roi.currency } : null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onCostSaved();
        }}
      />
    ) : (
      <button type="button" onClick={() => setEditing(period.label)}>
        {t('costs.edit')}
      </button>
    );
  const parts = (report: RoiReport, model: (typeof ATTRIBUTION_MODELS)[number]): Record<string, number> =>
    breakdown === 'source'
      ? report.attributedBySource[model]
      : model === 'dataDriven'
        ? {}
        : report.attributedBy[breakdown][model];
  return (
    <section className="leg" aria-label={t('legs.roi')}>
      <h2>{t('legs.roi')}</h2>
      {roi === undefined ? null : roi === null ? (
        <>
          <p className="hint">{t('legs.noRoi')}</p>
          {costModel}
        </>
      ) : (
        <>
          <dl>
            <dt>{t('legs.cost')}</dt>
            <dd>
              {roi.cost === null ? t('legs.noCost') : `${number(roi.cost)} ${roi.currency}`}{' '}
              {editing !== period.label && costModel}
            </dd>
            <dt>{t('legs.pipeline')}</dt>
            <dd>
              {t('legs.pipelineFigures', {
                leads: number(roi.leads),
                won: number(roi.won),
                lost: number(roi.lost),
                conversion: pct(roi.conversionRate),
              })}
            </dd>
            <dt>{t('legs.daysToSale')}</dt>
            <dd>
              {roi.daysToSale.median === null
                ? '—'
                : t('legs.daysFigures', {
                    median: number(roi.daysToSale.median, 0),
                    p90: number(roi.daysToSale.p90 ?? 0, 0),
                  })}
            </dd>
          </dl>
          {editing === period.label && costModel}
          {roi.daysToSale.histogram.length > 0 && (
            <div className="histogram" role="img" aria-label={t('legs.histogram')}>
              {roi.daysToSale.histogram.map((bin) => (
                <div key={bin.from} className="bin" title={`${bin.from}–${bin.to ?? '…'}: ${bin.deals}`}>
                  <span style={{ height: `${(bin.deals / roi.daysToSale.deals) * 100}%` }} />
                  <small>{bin.from}</small>
                </div>
              ))}
            </div>
          )}
          <table className="models">
            <thead>
              <tr>
                <th>{t('legs.model')}</th>
                <th>{t('legs.revenue')}</th>
                <th>
                  <select
                    aria-label={t('legs.breakdown')}
                    value={breakdown}
                    onChange={(e) => setBreakdown(e.target.value as 'source' | RoiBreakdown)}
                  >
                    {(['source', ...ROI_BREAKDOWNS] as const).map((key) => (
                      <option key={key} value={key}>
                        {t(`legs.by.${key}`)}
                      </option>
                    ))}
                  </select>
                </th>
                <th>ROI</th>
                <th>{t('legs.roiPrevious')}</th>
                <th>{t('legs.roiYearBefore')}</th>
              </tr>
            </thead>
            <tbody>
              {ATTRIBUTION_MODELS.map((model) => (
                <tr key={model}>
                  <th title={t(`model.${model}.formula` as MessageKey)}>{t(`model.${model}` as MessageKey)}</th>
                  <td>{number(roi.attributedRevenue[model])}</td>
                  <td className="parts">
                    {Object.entries(parts(roi, model))
                      .filter(([, amount]) => amount > 0)
                      .sort((a, b) => b[1] - a[1])
                      .map(
                        ([part, amount]) =>
                          `${breakdown === 'source' ? sourceText(part, i18n) : part} ${number(amount)}`,
                      )
                      .join(' · ')}
                  </td>
                  <td className={(roi.roi[model] ?? 0) < 0 ? 'negative' : ''}>{pct(roi.roi[model])}</td>
                  <td>{previous ? pct(previous.roi[model]) : '—'}</td>
                  <td>{yearBefore ? pct(yearBefore.roi[model]) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
