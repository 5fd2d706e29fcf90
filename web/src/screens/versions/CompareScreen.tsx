import { Link, useParams, useSearchParams } from 'react-router';
import { authoring, full } from '../../api/client';
import { count } from '../../components/format';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { StateBadge } from '../items/StateBadge';
import { useTopics } from '../items/topics';
import type { Version } from '../editor/content';
import { diffWords } from './diff';

/** The fields of a version as text to compare, in the editor's order. */
function fieldsOf(v: Version, topicName: (id: string) => string): [string, string][] {
  return [
    ['Topic', topicName(v.topicId)],
    ['Vignette', v.stem],
    ['Lead-in', v.leadIn],
    ...v.options.flatMap((o): [string, string][] => [
      [`Option ${o.label}`, `${o.text}${o.correct ? '  ✓ key' : ''}`],
      [`Why ${o.label}`, o.explanation ?? ''],
    ]),
    ['Explanation', v.rationale],
    ['Educational objective', v.educationalObjective ?? ''],
    ['Teaching points', v.teachingPoints.join('\n')],
    ['Difficulty', `${v.difficulty}, level ${v.difficultyLevel}${v.bloomLevel ? `, ${v.bloomLevel}` : ''}`],
    ['Tags', v.tags.join(', ')],
    ['References', v.references.join('\n')],
    ['Media', v.media.join('\n')],
  ];
}

/** Two versions of an item side by side, what was removed and added marked word by word. */
export function CompareScreen() {
  const { itemId = '' } = useParams();
  const [params] = useSearchParams();
  const a = Number(params.get('a') ?? 1);
  const b = Number(params.get('b') ?? 2);
  const topics = useTopics();
  const load = (version: number) => () => full(authoring.GET('/api/v1/authoring/items/{itemId}/versions/{version}', { params: { path: { itemId, version } } }));
  const older = useApi(load(a), [itemId, a]);
  const newer = useApi(load(b), [itemId, b]);
  const topicName = (id: string) => (topics.state === 'done' ? topics.value.find((t) => t.id === id)?.name ?? id : id);

  const title = `Version ${a} and version ${b}`;
  if (older.state !== 'done' || newer.state !== 'done') {
    const failed = [older, newer].find((x) => x.state === 'failed');
    return <Page title={title}>{failed?.state === 'failed' ? <p className="error" role="alert">{failed.message}</p> : <p className="muted">Loading…</p>}</Page>;
  }
  const left = fieldsOf(older.value, topicName);
  const right = fieldsOf(newer.value, topicName);
  const rows = left.map(([name, before], i) => ({ name, before, after: right[i]?.[1] ?? '' }))
    .concat(right.slice(left.length).map(([name, after]) => ({ name, before: '', after })));
  const changed = rows.filter((r) => r.before !== r.after).length;
  return (
    <Page title={title} wide>
      <p className="muted">
        <Link to={`/items/${itemId}`}>Back to the item</Link> · {changed === 0 ? 'The two versions are the same.' : `${count(changed, 'field')} changed`}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="The two versions">
        <table className="table compare" data-testid="compare">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Version {a} <StateBadge state={older.value.state} /></th>
              <th scope="col">Version {b} <StateBadge state={newer.value.state} /></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              if (!r.before && !r.after) return null;
              const changes = diffWords(r.before, r.after);
              const same = r.before === r.after;
              return (
                <tr key={r.name} className={same ? 'same' : 'changed'}>
                  <th scope="row">{r.name}</th>
                  <td>{same ? r.before : changes.filter((c) => c.kind !== 'added').map((c, i) => (c.kind === 'removed' ? <del key={i}>{c.text}</del> : c.text))}</td>
                  <td>{same ? r.after : changes.filter((c) => c.kind !== 'removed').map((c, i) => (c.kind === 'added' ? <ins key={i}>{c.text}</ins> : c.text))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
