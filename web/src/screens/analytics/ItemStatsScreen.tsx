import { Link, useParams } from 'react-router';
import { analytics, authoring, full } from '../../api/client';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { AnalyticsNav } from './AnalyticsNav';
import { CsvButton } from './CsvButton';
import { CurvesChart } from './CurvesChart';
import { DistractorChart, type GroupRow } from './DistractorChart';
import { fixed, percent } from './format';
import { curves } from './irt';

const LABELS = ['A', 'B', 'C', 'D', 'E'] as const;
const GROUP_NAMES = { lower: 'Lower 27 %', middle: 'Middle 46 %', upper: 'Upper 27 %' } as const;

/** One item version's analysis: its figures, how each ability group answered, and once calibrated its IRT curves. */
export function ItemStatsScreen() {
  const { itemId = '', version: v = '1' } = useParams();
  const version = Number(v);
  const stats = useApi(() => full(analytics.GET('/api/v1/analytics/items/{itemId}/versions/{version}', { params: { path: { itemId, version } } })), [itemId, version]);
  const groups = useApi(() => full(analytics.GET('/api/v1/analytics/items/{itemId}/versions/{version}/groups', { params: { path: { itemId, version } } })), [itemId, version]);
  const item = useApi(() => full(authoring.GET('/api/v1/authoring/items/{itemId}/versions/{version}', { params: { path: { itemId, version } } })), [itemId, version]);

  if (stats.state !== 'done') {
    return <Page title="Item analysis" wide><AnalyticsNav />{stats.state === 'failed' ? <p className="error" role="alert">{stats.message}</p> : <p className="muted">Loading…</p>}</Page>;
  }
  const s = stats.value;
  const options = LABELS.slice(0, s.optionCount);
  const rows: GroupRow[] = groups.state === 'done' ? options.map((option) => {
    const share = (group: 'lower' | 'middle' | 'upper') => {
      const g = groups.value.find((x) => x.group === group);
      const chose = g ? g[`chose${option}` as 'choseA'] : 0;
      return g && g.respondents > 0 ? Math.round((chose / g.respondents) * 100) : 0;
    };
    return { option, lower: share('lower'), middle: share('middle'), upper: share('upper') };
  }) : [];
  const calibrated = s.a != null && s.b != null;
  // a 2PL's c is fixed at 0, not estimated: its band moves a and b only
  const points = calibrated ? curves({ a: s.a!, b: s.b!, c: s.c ?? 0 }, { a: s.seA, b: s.seB, c: s.irtModel === '3PL' ? s.seC : 0 }) : [];
  const text = item.state === 'done' ? item.value : null;

  return (
    <Page title={`${s.topic ?? 'Item'} · version ${s.version}`} wide>
      <AnalyticsNav />
      <p className="muted"><Link to={`/items/${itemId}`}>The item in the bank</Link> · key {s.correctLabel ?? '?'}</p>
      {text && <p className="stem-preview">{text.stem.slice(0, 300)}{text.stem.length > 300 ? '…' : ''} <strong>{text.leadIn}</strong></p>}
      {s.attention.length > 0 && (
        <div className="notice warning" role="note"><strong>Needs a look:</strong><ul className="reasons">{s.attention.map((r) => <li key={r}>{r}</li>)}</ul></div>
      )}
      <dl className="figures stat-figures" data-testid="item-figures">
        <div><dt>Attempts</dt><dd>{s.attempts}</dd></div>
        <div><dt>p (share correct)</dt><dd>{fixed(s.pValue)}</dd></div>
        <div><dt>Point-biserial</dt><dd>{fixed(s.pointBiserial)}</dd></div>
        <div><dt>Upper–lower</dt><dd>{fixed(s.upperLower)}</dd></div>
        <div><dt>Mean time</dt><dd>{s.meanTimeMs == null ? '–' : `${Math.round(s.meanTimeMs / 1000)} s`}</dd></div>
        <div><dt>Flags</dt><dd>{s.flags}</dd></div>
        <div><dt>Exposure (target {percent(s.exposureTarget)})</dt><dd>{percent(s.exposureRate)}</dd></div>
      </dl>

      <section className="panel" aria-labelledby="groups-title">
        <div className="panel-head">
          <h2 id="groups-title">Options by ability group</h2>
          <CsvButton path={`/api/v1/analytics/items/${itemId}/versions/${version}/groups`} name="ability-groups" />
        </div>
        <p className="small muted">Respondents of linear tests split by their score on the other items. A good distractor draws the lower group, not the upper one.</p>
        {groups.state === 'failed' && <p className="error">{groups.message}</p>}
        {groups.state === 'done' && (
          <>
            <DistractorChart rows={rows} keyLabel={s.correctLabel} />
            <div className="table-scroll" tabIndex={0} role="region" aria-label="How each group answered">
              <table className="table compact" data-testid="groups-table">
                <caption>The numbers: how many of each group picked each option</caption>
                <thead><tr><th scope="col">Group</th><th scope="col">Respondents</th>{options.map((o) => <th key={o} scope="col">{o}{o === s.correctLabel ? ' (key)' : ''}</th>)}<th scope="col">p</th></tr></thead>
                <tbody>
                  {groups.value.map((g) => (
                    <tr key={g.group}>
                      <th scope="row">{GROUP_NAMES[g.group as keyof typeof GROUP_NAMES] ?? g.group}</th>
                      <td>{g.respondents}</td>
                      {options.map((o) => <td key={o}>{g[`chose${o}` as 'choseA']}</td>)}
                      <td>{fixed(g.pValue)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="irt-title">
        <h2 id="irt-title">IRT</h2>
        {!calibrated ? <p className="muted" data-testid="not-calibrated">Not calibrated yet: a calibration job fits a, b and c once enough students have answered it.</p> : (
          <>
            <p data-testid="irt-parameters">
              {s.irtModel}: a = {fixed(s.a)} ± {fixed(s.seA)}, b = {fixed(s.b)} ± {fixed(s.seB)}, c = {fixed(s.c)}{s.irtModel === '3PL' && s.seC != null ? ` ± ${fixed(s.seC)}` : ''}
              <span className="small muted"> · from {s.calibratedRespondents} responses</span>
            </p>
            <div className="curves">
              <figure>
                <figcaption>Item characteristic curve: the chance of a right answer at each ability, with ± 1 standard error</figcaption>
                <CurvesChart points={points} curve="p" title="Item characteristic curve" />
              </figure>
              <figure>
                <figcaption>Information: where on the ability scale the item measures best</figcaption>
                <CurvesChart points={points} curve="info" title="Item information curve" />
              </figure>
            </div>
          </>
        )}
      </section>
    </Page>
  );
}
