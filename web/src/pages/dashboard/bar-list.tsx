/**
 * Counts as horizontal bars; the number is always written out, the bar only helps the eye. The
 * width is set through the CSSOM (React's style prop), which the page's CSP allows.
 */
export function BarList({
  rows,
  label,
  max,
}: {
  rows: Array<{ key: string; label: string; value: number; display?: string }>;
  label: string;
  /** The value of a full bar; the largest value when left out (a share passes 1). */
  max?: number;
}) {
  const full = max ?? Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul className="bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className="bar-row">
          <span className="bar-label">{row.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(row.value / full) * 100}%` }} />
          </span>
          <span className="bar-value">{row.display ?? row.value}</span>
        </li>
      ))}
    </ul>
  );
}
