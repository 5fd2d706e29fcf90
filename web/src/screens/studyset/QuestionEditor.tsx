import { useState } from 'react';
import { full, generation, messageOf } from '../../api/client';
import { fieldName, label } from './fields';
import type { Question } from './MyQuestion';

/** My edit of a question: the whole of it, checked by the item-writing rules when saved; a rule broken outright is named. */
export function QuestionEditor({ question, onSaved, onCancel }: { question: Question; onSaved: () => void; onCancel: () => void }) {
  const [stem, setStem] = useState(question.stem);
  const [leadIn, setLeadIn] = useState(question.leadIn);
  const [options, setOptions] = useState(question.options.map((o) => ({ text: o.text, explanation: o.explanation ?? '' })));
  const [key, setKey] = useState(question.options.find((o) => o.correct)?.label ?? 'A');
  const [rationale, setRationale] = useState(question.rationale);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const option = (i: number, change: Partial<{ text: string; explanation: string }>) =>
    setOptions(options.map((o, j) => (j === i ? { ...o, ...change } : o)));

  const save = async () => {
    const empty = [!stem.trim() && 'the case', !leadIn.trim() && 'the question', ...options.map((o, i) => !o.text.trim() && `option ${label(i)}`),
      !rationale.trim() && 'the explanation'].filter(Boolean);
    if (empty.length) return setProblems([`Fill in ${empty.join(', ')}.`]);
    setBusy(true);
    const { data, error, response } = await full(generation.PUT('/api/v1/generation/personal/items/{id}', {
      params: { path: { id: question.id } },
      body: { version: question.version, stem, leadIn, correctLabel: key, rationale,
        options: options.map((o) => ({ text: o.text, explanation: o.explanation.trim() || undefined })) },
    }));
    setBusy(false);
    if (data) return onSaved();
    const violations = (error as { violations?: { field: string; message: string }[] } | undefined)?.violations ?? [];
    setProblems(violations.length ? violations.map((v) => `${fieldName(v.field)}: ${v.message}`) : [messageOf(error, response)]);
  };

  return (
    <form className="question-editor" aria-label="Edit the question" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label className="field"><span>Case</span><textarea rows={4} value={stem} onChange={(e) => setStem(e.target.value)} /></label>
      <label className="field"><span>Question</span><input value={leadIn} onChange={(e) => setLeadIn(e.target.value)} /></label>
      <fieldset className="choices">
        <legend>Options (choose the answer)</legend>
        {options.map((o, i) => (
          <div key={i} className="option-edit">
            <input type="radio" name={`key-${question.id}`} checked={key === label(i)} onChange={() => setKey(label(i))} aria-label={`${label(i)} is the answer`} />
            <span className="option-label" aria-hidden="true">{label(i)}</span>
            <input value={o.text} aria-label={`Option ${label(i)}`} onChange={(e) => option(i, { text: e.target.value })} />
            <input value={o.explanation} aria-label={`Why ${label(i)}`} placeholder="Why (optional)" onChange={(e) => option(i, { explanation: e.target.value })} />
          </div>
        ))}
        <div className="toolbar">
          {options.length < 5 && <button type="button" className="link-button small" onClick={() => setOptions([...options, { text: '', explanation: '' }])}>Add an option</button>}
          {options.length > 4 && <button type="button" className="link-button small" onClick={() => { setOptions(options.slice(0, -1)); if (key === label(options.length - 1)) setKey(label(0)); }}>Remove option {label(options.length - 1)}</button>}
        </div>
      </fieldset>
      <label className="field"><span>Explanation</span><textarea rows={6} value={rationale} onChange={(e) => setRationale(e.target.value)} /></label>
      {problems.length > 0 && <div className="error" role="alert"><p>Not saved:</p><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      <div className="toolbar">
        <button type="submit" className="button small-button" disabled={busy}>Save</button>
        <button type="button" className="button secondary small-button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
