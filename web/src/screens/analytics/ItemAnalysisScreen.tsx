import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { analytics, full, type Full } from '../../api/client';
import type { components } from '../../api/generated/analytics';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { AnalyticsNav } from './AnalyticsNav';
import { CsvButton } from './CsvButton';
import { fixed, percent } from './format';

export type ItemStatistics = Full<components['schemas']['ItemStatistics']>;
type Column = 'topic' | 'attempts' | 'pValue' | 'pointBiserial' | 'flags' | 'exposureRate' | 'a' | 'b' | 'c';
const COLUMNS: [Column, string][] = [['topic', 'Item'], ['attempts', 'Attempts'], ['pValue', 'p'], ['pointBiserial', 'r (pt-bis)'],
  ['flags', 'Flags'], ['exposureRate', 'Exposure'], ['a', 'a'], ['b', 'b'], ['c', 'c']];
const LIMIT = 1000;

/** The item analysis report: every item version's statistics, sortable and filterable, those that need a look called out. */
export function ItemAnalysisScreen() {
  const [params, setParams] = useSearchParams();
  const examCode = params.get('examCode') ?? '';
  const [exam, setExam] = useState(examCode);
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [topic, setTopic] = useState('');
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'attempts', descending: true });
  const stats = useApi(() => full(analytics.GET('/api/v1/analytics/items', { params: { query: { examCode: examCode || undefined, size: LIMIT } } })), [examCode]);

  const rows = stats.state === 'done' ? sorted(stats.value.filter((s) => (!attentionOnly || s.attention.length > 0)
    && (!topic || (s.topic ?? '').toLowerCase().includes(topic.toLowerCase()))), sort.column, sort.descending) : [];
  const needing = stats.state === 'done' ? stats.value.filter((s) => s.attention.length > 0).length : 0;
  const applyExam = () => setParams(exam.trim() ? { examCode: exam.trim().toUpperCase() } : {});

  return (
    <Page title="Item analytics" wide>
      <AnalyticsNav />
      <div className="toolbar filters-row">
        <label className="field inline-field"><span>Exam code</span>
          <input value={exam} placeholder="All exams" onChange={(e) => setExam(e.target.value.toUpperCase())} onBlur={applyExam}
            onKeyDown={(e) => e.key === 'Enter' && applyExam()} />
        </label>
        <label className="field inline-field"><span>Topic contains</span><input value={topic} onChange={(e) => setTopic(e.target.value)} /></label>
        <label className="check-inline"><input type="checkbox" checked={attentionOnly} onChange={(e) => setAttentionOnly(e.target.checked)} /> Only items that need a look</label>
        <span className="push-right"><CsvButton path="/api/v1/analytics/items" query={{ examCode: examCode || undefined, size: LIMIT }} name="item-statistics" /></span>
      </div>
      {stats.state === 'failed' && <p className="error" role="alert">{stats.message}</p>}
      {stats.state === 'loading' && <p className="muted">Loading…</p>}
      {stats.state === 'done' && (
        <>
          <p className="figure-line" data-testid="attention-count"><strong>{needing}</strong> of {stats.value.length} item versions need a look</p>
          {rows.length === 0 ? <p className="empty">No item version has statistics{examCode ? ` in ${examCode}` : ''} yet.</p> : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Item statistics">
              <table className="table stats-table" data-testid="item-stats">
                <thead>
                  <tr>
                    {COLUMNS.map(([column, label]) => (
                      <th key={column} scope="col" aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                        <button type="button" className="sort" onClick={() => setSort({ column, descending: sort.column === column ? !sort.descending : column !== 'topic' })}>
                          {label}{sort.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
                        </button>
                      </th>
                    ))}
                    <th scope="col">Needs a look because</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={`${s.itemId}/${s.version}`} className={s.attention.length ? 'attention' : ''}>
                      <td><Link to={`/analytics/items/${s.itemId}/versions/${s.version}`}>{s.topic ?? "Item"} · v{s.version}</Link> <span className="small muted" title={s.itemId}>{s.itemId.slice(0, 8)}</span></td>
                      <td className="num">{s.attempts}</td>
                      <td className="num">{fixed(s.pValue)}</td>
                      <td className="num">{fixed(s.pointBiserial)}</td>
                      <td className="num">{s.flags}</td>
                      <td className="num">{percent(s.exposureRate)} <span className="muted small">/ {percent(s.exposureTarget)}</span></td>
                      <td className="num">{fixed(s.a)}</td>
                      <td className="num">{fixed(s.b)}</td>
                      <td className="num">{fixed(s.c)}</td>
                      <td>{s.attention.length ? <ul className="reasons">{s.attention.map((r) => <li key={r}>{r}</li>)}</ul> : <span className="muted">–</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}

function sorted(rows: ItemStatistics[], column: Column, descending: boolean): ItemStatistics[] {
  const value = (s: ItemStatistics) => s[column];
  return [...rows].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1; // undefined statistics last either way
    const order = typeof a === 'string' ? a.localeCompare(b as string) : (a as number) - (b as number);
    return descending ? -order : order;
  });
}
