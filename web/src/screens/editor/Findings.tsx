import type { Finding } from './useChecks';

/** Findings of the item-writing checks: what is wrong here, the rule's name and why it matters. */
export function Findings({ findings, id }: { findings: Finding[]; id?: string }) {
  if (!findings.length) return null;
  return (
    <ul className="findings" id={id}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`finding ${f.severity}`} data-rule={f.code}>
          <span className="severity">{f.severity === 'reject' ? 'Must fix' : 'Consider'}</span>
          <strong className="rule">{f.rule}</strong>: {f.message}
          <span className="why">{f.why}</span>
        </li>
      ))}
    </ul>
  );
}
