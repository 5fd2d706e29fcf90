import { useState } from 'react';
import { full, generation, messageOf, type Full } from '../../api/client';
import type { components } from '../../api/generated/generation';
import { FlagItem, type SendFlag } from '../../components/FlagItem';
import { FLAG_REASONS } from '../../components/flagReasons';
import { ItemView } from '../../components/ItemView';
import { shortMoment } from '../../components/format';
import { useApi } from '../../components/useApi';
import { QuestionEditor } from './QuestionEditor';

export type Question = Full<components['schemas']['PersonalItem']>;

/**
 * One question of my set, as I would be served it with its answer shown: labelled generated and unreviewed, with what the
 * checks noted and the passages of my materials it was written from; edit, report or discard it.
 */
export function MyQuestion({ question, onChange, position }: { question: Question; onChange: () => void; position: number }) {
  const [editing, setEditing] = useState(false);
  const [sources, setSources] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const report: SendFlag = async (reason, comment) => {
    const { data, error: problem, response } = await full(generation.POST('/api/v1/generation/personal/items/{id}/report',
      { params: { path: { id: question.id } }, body: { reason, comment: comment ?? undefined } }));
    if (!data) return messageOf(problem, response);
    onChange();
    return null;
  };
  const discard = async () => {
    if (!window.confirm('Discard this question, with your answers and reviews of it?')) return;
    const { response, error: problem } = await generation.DELETE('/api/v1/generation/personal/items/{id}', { params: { path: { id: question.id } } });
    if (!response.ok) return setError(messageOf(problem, response));
    onChange();
  };

  const propose = async () => {
    if (!window.confirm('Send a copy of this question to your school’s authors? It becomes a draft for them to review, with your name '
      + 'and the title of your material, and stays with them even if you later delete your notes.')) return;
    const { data, error: problem, response } = await full(generation.POST('/api/v1/generation/personal/items/{id}/proposal', { params: { path: { id: question.id } } }));
    if (!data) return setError(messageOf(problem, response));
    onChange();
  };

  const key = question.options.find((o) => o.correct)?.label;
  return (
    <li className="panel my-question" data-testid="my-question" aria-labelledby={`q-${question.id}`}>
      <div className="panel-head">
        <h3 id={`q-${question.id}`}>Question {position}<span className="small muted"> · {question.topic}{question.version > 1 ? ` · edited (version ${question.version})` : ''}</span></h3>
        <span className="badge generated" title="Written by a language model from your material; nobody has reviewed it">Generated · not reviewed</span>
      </div>
      {question.state === 'reported' && (
        <p className="flagged small" role="note">
          You reported it: {FLAG_REASONS.find((r) => r.value === question.reportReason)?.label.toLowerCase() ?? question.reportReason}
          {question.reportComment ? ` (“${question.reportComment}”)` : ''}. It is left out of your practice until you edit it.
        </p>
      )}
      {editing ? <QuestionEditor question={question} onSaved={() => { setEditing(false); onChange(); }} onCancel={() => setEditing(false)} /> : (
        <ItemView stem={question.stem} leadIn={question.leadIn} options={question.options} revealed={{ correctLabel: key, rationale: question.rationale }} />
      )}
      {question.validationNotes.length > 0 && (
        <div className="checks-notes">
          <h4 className="small">What the item-writing checks noted</h4>
          <ul className="small">{question.validationNotes.map((n) => <li key={n}>{n}</li>)}</ul>
        </div>
      )}
      <button type="button" className="link-button small" aria-expanded={sources} onClick={() => setSources(!sources)}>
        {sources ? 'Hide the passages it was written from' : 'Show the passages it was written from'}
      </button>
      {sources && <Sources id={question.id} />}
      {question.proposedAt && <p className="small ok">Proposed to your school’s authors on {shortMoment(question.proposedAt)}.</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {!editing && (
        <div className="toolbar">
          <button type="button" className="button secondary small-button" onClick={() => setEditing(true)}>Edit</button>
          {question.state === 'active' && <FlagItem send={report} what="this question" sentNote="It is left out of your practice until you edit it." />}
          {question.state === 'active' && !question.proposedAt
            && <button type="button" className="button secondary small-button" onClick={() => void propose()}>Propose to the authors</button>}
          <button type="button" className="button danger small-button" onClick={() => void discard()}>Discard</button>
        </div>
      )}
    </li>
  );
}

function Sources({ id }: { id: string }) {
  const item = useApi(() => full(generation.GET('/api/v1/generation/personal/items/{id}', { params: { path: { id } } })), [id]);
  if (item.state !== 'done') return <p className={item.state === 'failed' ? 'error' : 'muted small'}>{item.state === 'failed' ? item.message : 'Loading…'}</p>;
  if (item.value.sources.length === 0) return <p className="muted small">Its passages are no longer there.</p>;
  return (
    <ol className="passages" data-testid="sources">
      {item.value.sources.map((p) => <li key={p.chunkId}><span className="small muted">{p.materialTitle}, passage {p.ordinal + 1}</span><p>{p.text}</p></li>)}
    </ol>
  );
}
