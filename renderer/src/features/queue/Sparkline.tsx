import { nearestTemperature } from '../../../../shared/domain/temperature';

/** A person's temperatures over time, −2 at the bottom and +2 at the top, each point in the temperature's colour. */
export function Sparkline({ points, label }: { points: { at: number; temperature: number }[]; label: string }) {
  const width = 240;
  const height = 48;
  if (points.length === 0) return null;
  const first = points[0]?.at ?? 0;
  const span = Math.max(1, (points[points.length - 1]?.at ?? first) - first);
  const x = (at: number): number => 4 + ((at - first) / span) * (width - 8);
  const y = (temperature: number): number => 4 + ((2 - temperature) / 4) * (height - 8);
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <line x1="0" x2={width} y1={y(0)} y2={y(0)} className="sparkline-zero" />
      <polyline
        fill="none"
        className="sparkline-line"
        points={points.map((p) => `${x(p.at)},${y(p.temperature)}`).join(' ')}
      />
      {points.map((p, i) => (
        <circle
          key={i}
          cx={x(p.at)}
          cy={y(p.temperature)}
          r="2.5"
          fill={`var(--t${nearestTemperature(p.temperature)})`}
        />
      ))}
    </svg>
  );
}
