import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { authoring, full, messageOf, type Full } from '../../api/client';
import type { components } from '../../api/generated/generation';
import { ItemView } from '../../components/ItemView';
import { StateBadge } from '../items/StateBadge';
import type { Item } from '../item/ItemScreen';

type Passage = Full<components['schemas']['SourcePassage']>;

/** One entry of a job's outcomes, as generation records it. */
export interface Outcome {
  index: number;
  outcome: 'accepted' | 'rejected' | 'duplicate';
  qualityScore?: number;
  draftId?: string;
  warnings?: string[];
  reasons?: string[];
  duplicateOf?: string;
  duplicateOfKind?: string;
  similarity?: number;
}

const ARRIVAL_TRIES = 20;

/** A draft to review (the item, its validator notes and cited passages; accept into the workflow or discard), or why there is none. */
export function DraftReview({ outcome, passages }: { outcome: Outcome; passages: Passage[] }) {
  const n = outcome.index + 1;
  if (outcome.outcome === 'rejected') {
    return (
      <li className="outcome rejected">
        <h3>Item {n}: rejected by the checks</h3>
        <ul>{(outcome.reasons ?? []).map((r) => <li key={r}>{r}</li>)}</ul>
      </li>
    );
  }
  if (outcome.outcome === 'duplicate') {
    return (
      <li className="outcome duplicate">
        <h3>Item {n}: a duplicate</h3>
        <p>
          It says what {outcome.duplicateOfKind === 'draft' ? 'an earlier draft' : 'a published item'} says
          {outcome.similarity != null && ` (similarity ${Math.round(outcome.similarity * 100)} %)`}:{' '}
          {outcome.duplicateOf && <Link to={`/items/${outcome.duplicateOf}`}>its twin</Link>}
        </p>
      </li>
    );
  }
  return <Draft n={n} outcome={outcome} passages={passages} />;
}

function Draft({ n, outcome, passages }: { n: number; outcome: Outcome; passages: Passage[] }) {
  const [item, setItem] = useState<Item | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const itemId = outcome.draftId!;

  // the draft reaches authoring through Kafka a moment after the job ends
  useEffect(() => {
    let live = true;
    const load = async (tries: number) => {
      const { data, response } = await full(authoring.GET('/api/v1/authoring/items/{itemId}', { params: { path: { itemId } } }));
      if (!live) return;
      if (data) setItem(data);
      else if (response.status === 404 && tries > 1) setTimeout(() => void load(tries - 1), 500);
      else setMessage({ text: 'The draft has not reached the item bank yet; reload in a moment.', error: true });
    };
    void load(ARRIVAL_TRIES);
    return () => { live = false; };
  }, [itemId]);

  const act = async (action: 'submit' | 'discard') => {
    const { data, error, response } = await full(authoring.POST('/api/v1/authoring/items/{itemId}/versions/{version}/transitions', {
      params: { path: { itemId, version: item!.latestVersion } }, body: { action },
    }));
    if (!data) return setMessage({ text: messageOf(error, response), error: true });
    setItem(data);
    setMessage({ text: action === 'submit' ? 'Accepted: submitted for a publisher’s review.' : 'Discarded.' });
  };

  const v = item?.latest;
  const key = v?.options.find((o) => o.correct)?.label ?? null;
  const cited = v ? passages.filter((p) => v.provenance.sourceChunkIds.includes(p.chunkId)) : [];
  return (
    <li className="outcome draft" data-testid="draft">
      <div className="panel-head">
        <h3>Item {n}: a draft{outcome.qualityScore != null && <span className="small muted"> · quality {Math.round(outcome.qualityScore * 100)} %</span>}</h3>
        {v && <StateBadge state={v.state} />}
      </div>
      {!v ? <p className={message?.error ? 'error' : 'muted'}>{message?.text ?? 'Loading the draft…'}</p> : (
        <div className="draft-review">
          <ItemView stem={v.stem} leadIn={v.leadIn} options={v.options} selected={key} revealed={{ correctLabel: key, rationale: v.rationale }} disabled />
          <aside className="draft-notes">
            <h4>Validator notes</h4>
            {v.provenance.validationNotes.length ? <ul>{v.provenance.validationNotes.map((note) => <li key={note}>{note}</li>)}</ul>
              : <p className="small muted">The checks found nothing to note.</p>}
            <h4>Sources it cites</h4>
            {cited.length ? (
              <ul className="cited">
                {cited.map((p) => <li key={p.chunkId}><span className="small muted">{p.materialTitle}, passage {p.ordinal + 1}</span><blockquote>{p.text}</blockquote></li>)}
              </ul>
            ) : <p className="small muted">No passage of a material: the model drew on standard references.</p>}
            {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
            {item.allowedActions.length > 0 && (
              <div className="form-actions">
                {item.allowedActions.includes('submit') && <button type="button" className="button small-button" onClick={() => void act('submit')}>Accept: submit for review</button>}
                <Link className="button secondary small-button" to={`/items/${itemId}/edit`}>Edit first</Link>
                {item.allowedActions.includes('discard') && <button type="button" className="button secondary small-button" onClick={() => void act('discard')}>Discard</button>}
              </div>
            )}
          </aside>
        </div>
      )}
    </li>
  );
}
