import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { authoring, full, type Full } from '../../api/client';
import type { components } from '../../api/generated/authoring';
import { useAuth } from '../../auth/AuthContext';
import { ItemView } from '../../components/ItemView';
import { count } from '../../components/format';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { StateBadge } from '../items/StateBadge';
import { useTopics } from '../items/topics';
import { Flags } from './Flags';
import { History } from './History';
import { Versions } from './Versions';
import { WorkflowActions } from './WorkflowActions';

export type Item = Full<components['schemas']['ItemResponse']>;

/** One item: its newest version as the student will see it, what the user may do with it, its versions, trail and flags. */
export function ItemScreen() {
  const { itemId = '' } = useParams();
  const location = useLocation();
  const { identity } = useAuth();
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null);
  const item = useApi(() => full(authoring.GET('/api/v1/authoring/items/{itemId}', { params: { path: { itemId } } })), [itemId, revision]);
  const topics = useTopics();
  const changed = (message: string) => {
    setNotice(message);
    setRevision((r) => r + 1);
  };

  if (item.state !== 'done') {
    return <Page title="Item">{item.state === 'failed' ? <p className="error" role="alert">{item.message}</p> : <p className="muted">Loading…</p>}</Page>;
  }
  const it = item.value;
  const v = it.latest;
  const topic = topics.state === 'done' ? topics.value.find((t) => t.id === v.topicId) : undefined;
  const key = v.options.find((o) => o.correct)?.label ?? null;
  const mayEdit = identity?.roles.some((r) => r === 'author' || r === 'admin') && v.state !== 'in_review' && v.state !== 'approved';
  return (
    <Page title={topic?.name ?? 'Item'} wide>
      <p className="item-facts">
        <StateBadge state={v.state} /> <span>Version {it.latestVersion}</span>
        <span data-testid="live">{it.liveVersion != null ? `Version ${it.liveVersion} live in ${it.examCodes.join(', ')}` : 'Not live'}</span>
        <span>{v.difficulty} · level {v.difficultyLevel}{v.bloomLevel ? ` · ${v.bloomLevel}` : ''}</span>
        {v.provenance.kind === 'generated' && <span className="tag generated">generated{v.provenance.model ? ` by ${v.provenance.model}` : ''}</span>}
      </p>
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="item-page">
        <div className="item-main">
          <ItemView stem={v.stem} leadIn={v.leadIn} options={v.options} selected={key} revealed={{ correctLabel: key, rationale: v.rationale }} disabled />
          <dl className="facts panel">
            {v.educationalObjective && <><dt>Educational objective</dt><dd>{v.educationalObjective}</dd></>}
            {v.teachingPoints.length > 0 && <><dt>Teaching points</dt><dd><ul>{v.teachingPoints.map((p) => <li key={p}>{p}</li>)}</ul></dd></>}
            <dt>Tags</dt><dd>{v.tags.length ? v.tags.map((t) => <span key={t} className="tag">{t}</span>) : <span className="muted">none</span>}</dd>
            {v.references.length > 0 && <><dt>References</dt><dd><ul>{v.references.map((r) => <li key={r}>{r}</li>)}</ul></dd></>}
            {v.media.length > 0 && <><dt>Media</dt><dd><ul>{v.media.map((m) => <li key={m}>{m}</li>)}</ul></dd></>}
            {v.provenance.kind === 'generated' && (
              <>
                <dt>Generation</dt>
                <dd>
                  {v.provenance.promptVersion && <>prompt {v.provenance.promptVersion} · </>}
                  {v.provenance.qualityScore != null && <>quality {Math.round(v.provenance.qualityScore * 100)} % · </>}
                  {count(v.provenance.sourceChunkIds.length, 'source passage')}
                  {v.provenance.validationNotes.length > 0 && <ul>{v.provenance.validationNotes.map((n) => <li key={n}>{n}</li>)}</ul>}
                </dd>
              </>
            )}
          </dl>
        </div>
        <div className="item-side">
          <section className="panel" aria-labelledby="workflow-title">
            <h2 id="workflow-title">Workflow</h2>
            {mayEdit && <p><Link className="button" to={`/items/${it.id}/edit`}>Edit: write version {it.latestVersion + 1}</Link></p>}
            <WorkflowActions item={it} onDone={changed} />
          </section>
          <Versions item={it} />
          <History itemId={it.id} revision={revision} />
          <Flags itemId={it.id} revision={revision} onResolved={changed} />
        </div>
      </div>
    </Page>
  );
}
