import { Link, useSearchParams } from 'react-router';
import { authoring, full } from '../../api/client';
import { count, shortMoment } from '../../components/format';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { useApi } from '../../components/useApi';
import { StateBadge } from '../items/StateBadge';
import { TopicSelect } from '../items/TopicSelect';
import { useTopics } from '../items/topics';

const PAGE_SIZE = 25;

/** What waits for a publisher: versions in review, items with open flags, generated drafts; the longest waiting first. */
export function QueueScreen() {
  const [params, setParams] = useSearchParams();
  const topicId = params.get('topicId') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const topics = useTopics();
  const queue = useApi(() => full(authoring.GET('/api/v1/authoring/review-queue', { params: { query: { topicId: topicId || undefined, page, size: PAGE_SIZE } } })), [topicId, page]);
  const go = (next: { topicId?: string; page?: number }) => {
    const p = new URLSearchParams();
    const t = next.topicId ?? topicId;
    if (t) p.set('topicId', t);
    if (next.page) p.set('page', String(next.page));
    setParams(p);
  };
  return (
    <Page title="Review queue" wide>
      <p className="muted">Versions waiting for review, items students flagged, and generated drafts not yet submitted; the longest waiting first.</p>
      <Field label="Topic" className="inline-field">
        {(id) => <TopicSelect id={id} topics={topics} value={topicId} onChange={(t) => go({ topicId: t, page: 0 })} empty="Every topic" />}
      </Field>
      {queue.state === 'failed' && <p className="error" role="alert">{queue.message}</p>}
      {queue.state === 'loading' && <p className="muted">Loading…</p>}
      {queue.state === 'done' && (queue.value.items.length === 0 ? <p className="empty">Nothing waits for review.</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Review queue">
          <table className="table items-table" data-testid="queue">
            <thead><tr><th scope="col">Item</th><th scope="col">Topic</th><th scope="col">Why it is here</th><th scope="col">Waiting since</th></tr></thead>
            <tbody>
              {queue.value.items.map((item) => (
                <tr key={item.id}>
                  <td className="item-cell"><Link to={`/items/${item.id}`} className="item-link">{item.stemPreview}</Link><span className="lead">{item.leadIn}</span></td>
                  <td>{item.topicName}</td>
                  <td>
                    <StateBadge state={item.state} /> <span className="small">v{item.latestVersion}</span>
                    {item.openFlags > 0 && <span className="flag-count">{count(item.openFlags, 'open flag')}</span>}
                    {item.provenance === 'generated' && item.state === 'draft' && <span className="tag generated">generated draft</span>}
                  </td>
                  <td className="nowrap small">{shortMoment(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {queue.state === 'done' && <Pager page={page} hasNext={queue.value.hasNext} onPage={(p) => go({ page: p })} />}
    </Page>
  );
}
