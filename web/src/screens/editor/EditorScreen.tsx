import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { authoring, full, messageOf } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { ItemView } from '../../components/ItemView';
import { Page } from '../../components/Page';
import { TopicSelect } from '../items/TopicSelect';
import { useTopics } from '../items/topics';
import { emptyDraft, fieldOf, forget, fromVersion, keep, kept, labelOf, toContent, type Draft } from './content';
import { Findings } from './Findings';
import { useChecks, type Finding } from './useChecks';

type Conflict = { latest: number; state: string; base: number };

/** Writing an item, or its next version: every field, the student's view beside it, the item-writing checks inline. */
export function EditorScreen() {
  const { itemId } = useParams();
  const { identity } = useAuth();
  const [start, setStart] = useState<{ base: number | null; draft: Draft; restored: boolean } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const saved = kept(itemId);
    if (!itemId) {
      setStart({ base: null, draft: saved?.draft ?? emptyDraft(), restored: !!saved });
      return;
    }
    void full(authoring.GET('/api/v1/authoring/items/{itemId}', { params: { path: { itemId } } })).then(({ data, error, response }) => {
      if (!data) return setFailed(messageOf(error, response));
      setStart(saved ? { base: saved.baseVersion, draft: saved.draft, restored: true } : { base: data.latestVersion, draft: fromVersion(data.latest), restored: false });
    });
  }, [itemId]);

  const mayWrite = identity?.roles.some((r) => r === 'author' || r === 'admin');
  const title = itemId ? 'Edit item' : 'Write an item';
  if (!mayWrite) return <Page title={title}><p className="error">Only authors write and edit items.</p></Page>;
  if (failed) return <Page title={title}><p className="error" role="alert">{failed}</p></Page>;
  if (!start) return <Page title={title}><p className="muted">Loading…</p></Page>;
  return <Editor key={itemId ?? 'new'} itemId={itemId} initial={start} title={title} />;
}

function Editor({ itemId, initial, title }: { itemId?: string; initial: { base: number | null; draft: Draft; restored: boolean }; title: string }) {
  const navigate = useNavigate();
  const topics = useTopics();
  const [draft, setDraft] = useState(initial.draft);
  const [base, setBase] = useState(initial.base);
  const [showAnswer, setShowAnswer] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const checks = useChecks(draft);

  const change = (next: Partial<Draft>) => {
    const updated = { ...draft, ...next };
    setDraft(updated);
    keep(itemId, { baseVersion: base, draft: updated });
  };
  const changeOption = (i: number, next: Partial<Draft['options'][number]>) =>
    change({ options: draft.options.map((o, j) => (j === i ? { ...o, ...next } : o)) });

  const findingsFor = (field: string): Finding[] => checks.findings.filter((f) => fieldOf(f.field) === field);
  const refusedFor = (field: string) => refusal?.fields[field] ?? [];

  const save = async (onTopOf: number | null) => {
    setSaving(true);
    setRefusal(null);
    const content = toContent(draft);
    const answer = itemId
      ? await full(authoring.POST('/api/v1/authoring/items/{itemId}/versions', { params: { path: { itemId } }, body: { baseVersion: onTopOf ?? 1, content } }))
      : await full(authoring.POST('/api/v1/authoring/items', { body: content }));
    setSaving(false);
    if (answer.data) {
      forget(itemId);
      navigate(`/items/${answer.data.id}`, { state: { saved: `Saved as version ${answer.data.latestVersion}, a draft.` } });
      return;
    }
    if (answer.response.status === 409 && itemId) {
      const { data } = await full(authoring.GET('/api/v1/authoring/items/{itemId}', { params: { path: { itemId } } }));
      if (data) {
        setConflict({ latest: data.latestVersion, state: data.latest.state, base: onTopOf ?? 0 });
        return;
      }
    }
    const problem = answer.error as { violations?: { field?: string; message?: string }[] } | undefined;
    const fields: Record<string, string[]> = {};
    for (const v of problem?.violations ?? []) (fields[fieldOf(v.field)] ??= []).push(v.message ?? '');
    setRefusal({ message: messageOf(answer.error, answer.response), fields });
  };

  const saveOnTopOfLatest = () => {
    if (!conflict) return;
    setBase(conflict.latest);
    keep(itemId, { baseVersion: conflict.latest, draft });
    setConflict(null);
    void save(conflict.latest);
  };

  const keyLabel = draft.keyIndex === null ? null : labelOf(draft.keyIndex);
  const blocking = checks.findings.filter((f) => f.severity === 'reject').length;
  return (
    <Page title={title} wide>
      <p className="muted">
        {itemId && <>Your changes become version {base === null ? '?' : base + 1}; the live version keeps serving until it is published. </>}
        <a href="#preview" className="to-preview">See the student’s view</a>
      </p>
      {initial.restored && (
        <p className="notice" role="status">
          Your unsaved changes from earlier in this tab are back.{' '}
          <button type="button" className="link-button" onClick={() => { forget(itemId); window.location.reload(); }}>Discard them</button>
        </p>
      )}
      {conflict && <ConflictNotice conflict={conflict} itemId={itemId!} onSaveAnyway={saveOnTopOfLatest} />}
      <div className="editor">
        <form className="editor-form panel" aria-label="Item" onSubmit={(e) => { e.preventDefault(); void save(base); }}>
          <Field id="topic" label="Topic" errors={refusedFor('topicId')}>
            <TopicSelect id="topic" topics={topics} value={draft.topicId} onChange={(topicId) => change({ topicId })} empty="Choose a topic" required />
          </Field>
          <Field id="stem" label="Vignette (stem)" hint="Markdown: **bold**, tables, images as ![description](address)" errors={refusedFor('stem')} findings={findingsFor('stem')}>
            <textarea id="stem" rows={8} value={draft.stem} maxLength={20000} onChange={(e) => change({ stem: e.target.value })} />
          </Field>
          <Field id="leadIn" label="Lead-in" errors={refusedFor('leadIn')} findings={findingsFor('leadIn')}>
            <input id="leadIn" value={draft.leadIn} maxLength={2000} onChange={(e) => change({ leadIn: e.target.value })} />
          </Field>
          <fieldset className="option-fields">
            <legend>Options and key</legend>
            <Findings findings={findingsFor('options')} />
            {refusedFor('options').map((m) => <p key={m} className="error small">{m}</p>)}
            {draft.options.map((o, i) => (
              <div key={i} className={`option-field ${draft.keyIndex === i ? 'is-key' : ''}`}>
                <div className="option-head">
                  <label className="key-choice">
                    <input type="radio" name="key" checked={draft.keyIndex === i} onChange={() => change({ keyIndex: i })} />
                    <span>{labelOf(i)} is the key</span>
                  </label>
                  {draft.options.length === 5 && i === 4 && (
                    <button type="button" className="link-button small" onClick={() => change({ options: draft.options.slice(0, 4), keyIndex: draft.keyIndex === 4 ? null : draft.keyIndex })}>
                      Remove option E
                    </button>
                  )}
                </div>
                <label className="visually-hidden" htmlFor={`option-${i}`}>Option {labelOf(i)}</label>
                <input id={`option-${i}`} placeholder={`Option ${labelOf(i)}`} value={o.text} maxLength={2000} onChange={(e) => changeOption(i, { text: e.target.value })} />
                <label className="visually-hidden" htmlFor={`explanation-${i}`}>Why option {labelOf(i)} is {draft.keyIndex === i ? 'right' : 'wrong'}</label>
                <textarea id={`explanation-${i}`} rows={2} placeholder={`Why ${labelOf(i)} is ${draft.keyIndex === i ? 'right' : 'wrong'}`} value={o.explanation}
                  maxLength={4000} onChange={(e) => changeOption(i, { explanation: e.target.value })} />
                <Findings findings={findingsFor(`options[${i}]`)} />
                {refusedFor(`options[${i}]`).map((m) => <p key={m} className="error small">{m}</p>)}
              </div>
            ))}
            {draft.options.length === 4 && (
              <button type="button" className="button secondary small-button" onClick={() => change({ options: [...draft.options, { text: '', explanation: '' }] })}>
                Add option E
              </button>
            )}
          </fieldset>
          <Field id="rationale" label="Explanation (rationale)" errors={refusedFor('rationale')} findings={findingsFor('rationale')}>
            <textarea id="rationale" rows={5} value={draft.rationale} maxLength={20000} onChange={(e) => change({ rationale: e.target.value })} />
          </Field>
          <Field id="objective" label="Educational objective" errors={refusedFor('educationalObjective')}>
            <input id="objective" value={draft.educationalObjective} maxLength={2000} onChange={(e) => change({ educationalObjective: e.target.value })} />
          </Field>
          <Field id="points" label="Teaching points" hint="One per line" errors={refusedFor('teachingPoints')}>
            <textarea id="points" rows={3} value={draft.teachingPoints} onChange={(e) => change({ teachingPoints: e.target.value })} />
          </Field>
          <div className="field-row">
            <Field id="difficulty" label="Difficulty" errors={refusedFor('difficulty')}>
              <select id="difficulty" value={draft.difficulty} onChange={(e) => change({ difficulty: e.target.value })}>
                <option value="easy">Easy</option><option value="medium">Medium</option><option value="hard">Hard</option><option value="nbme">NBME</option>
              </select>
            </Field>
            <Field id="level" label="Student level" errors={refusedFor('difficultyLevel')}>
              <select id="level" value={draft.difficultyLevel} onChange={(e) => change({ difficultyLevel: Number(e.target.value) })}>
                {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}{n >= 3 ? ' (full vignette)' : ''}</option>)}
              </select>
            </Field>
            <Field id="bloom" label="Bloom level" errors={refusedFor('bloomLevel')}>
              <select id="bloom" value={draft.bloomLevel} onChange={(e) => change({ bloomLevel: e.target.value })}>
                <option value="">Not set</option>
                {['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'].map((b) => <option key={b} value={b}>{b.charAt(0).toUpperCase() + b.slice(1)}</option>)}
              </select>
            </Field>
          </div>
          <Field id="tags" label="Tags" hint="Separated by commas" errors={refusedFor('tags')}>
            <input id="tags" value={draft.tags} onChange={(e) => change({ tags: e.target.value })} placeholder="cardiology, emergency" />
          </Field>
          <Field id="references" label="References" hint="One per line" errors={refusedFor('references')}>
            <textarea id="references" rows={2} value={draft.references} onChange={(e) => change({ references: e.target.value })} />
          </Field>
          <Field id="media" label="Media" hint="Asset ids or addresses, one per line; put an image in the vignette itself to show it" errors={refusedFor('media')}>
            <textarea id="media" rows={2} value={draft.media} onChange={(e) => change({ media: e.target.value })} />
          </Field>
          {refusal && <p className="error" role="alert">Not saved: {refusal.message}</p>}
          <div className="form-actions">
            <button type="submit" className="button" disabled={saving || !!conflict}>{saving ? 'Saving…' : itemId ? 'Save as a new version' : 'Save draft'}</button>
            <span className="small muted" role="status">
              {checks.state === 'checking' ? 'Checking…' : checks.state === 'failed' ? 'The checks could not run just now.'
                : checks.findings.length === 0 ? 'The item-writing checks find nothing.'
                  : `${blocking ? `${blocking} to fix` : ''}${blocking && checks.findings.length > blocking ? ', ' : ''}${checks.findings.length > blocking ? `${checks.findings.length - blocking} to consider` : ''}`}
            </span>
            {itemId && <Link to={`/items/${itemId}`} className="push-right">Back to the item</Link>}
          </div>
        </form>
        <aside className="preview" id="preview" aria-label="Preview">
          <div className="preview-head">
            <h2>As the student sees it</h2>
            <label className="check-inline">
              <input type="checkbox" checked={showAnswer} onChange={(e) => setShowAnswer(e.target.checked)} /> Show the answer
            </label>
          </div>
          <ItemView stem={draft.stem || '*The vignette appears here.*'} leadIn={draft.leadIn}
            options={draft.options.map((o, i) => ({ label: labelOf(i), text: o.text || '…', explanation: o.explanation }))}
            selected={showAnswer ? keyLabel : null} revealed={showAnswer ? { correctLabel: keyLabel, rationale: draft.rationale } : null} disabled />
        </aside>
      </div>
    </Page>
  );
}

function Field({ id, label, hint, errors = [], findings = [], children }: {
  id: string; label: string; hint?: string; errors?: string[]; findings?: Finding[]; children: React.ReactNode;
}) {
  return (
    <div className={`field ${errors.length ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}{hint && <span className="hint"> · {hint}</span>}</label>
      {children}
      {errors.map((m) => <p key={m} className="error small">{m}</p>)}
      <Findings findings={findings} />
    </div>
  );
}

function ConflictNotice({ conflict, itemId, onSaveAnyway }: { conflict: Conflict; itemId: string; onSaveAnyway: () => void }) {
  const locked = conflict.state === 'in_review' || conflict.state === 'approved';
  return (
    <div className="notice warning" role="alert" data-testid="conflict">
      {locked ? (
        <p>
          Version {conflict.latest} is {conflict.state === 'in_review' ? 'in review' : 'approved'}: a new version can be saved once a publisher
          sends it back or it is published. Your text stays here, unsaved, in this tab.
        </p>
      ) : (
        <>
          <p>
            <strong>Someone saved version {conflict.latest} while you were editing version {conflict.base}.</strong> Your text is still here, unsaved.
            Look at what they changed, then save yours on top of it if it should replace theirs.
          </p>
          <p className="form-actions">
            <Link to={`/items/${itemId}/compare?a=${conflict.base}&b=${conflict.latest}`} target="_blank">What changed in version {conflict.latest} (new tab)</Link>
            <button type="button" className="button small-button" onClick={onSaveAnyway}>Save mine as version {conflict.latest + 1}</button>
          </p>
        </>
      )}
    </div>
  );
}
