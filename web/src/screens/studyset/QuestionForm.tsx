import { useState } from 'react';
import { useNavigate } from 'react-router';
import { full, generation, messageOf } from '../../api/client';
import { JobShape } from '../generation/JobShape';
import type { Material } from './MyMaterials';

/** Questions for me: about what, how hard, for which year, how many, from which of my materials. */
export function QuestionForm({ materials }: { materials: Material[] }) {
  const navigate = useNavigate();
  const ready = materials.filter((m) => m.embeddingState === 'ready');
  const [chosen, setChosen] = useState<string[]>([]);
  const [topic, setTopic] = useState('');
  const [difficulty, setDifficulty] = useState(3);
  const [studentLevel, setStudentLevel] = useState(3);
  const [number, setNumber] = useState(5);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const materialIds = chosen.filter((id) => ready.some((m) => m.id === id));

  const start = async () => {
    if (!topic.trim()) return setError('Say what the questions are about, e.g. “Aortic dissection”.');
    if (!materialIds.length) return setError('Choose at least one of your materials.');
    setBusy(true);
    setError(null);
    const { data, error: problem, response } = await full(generation.POST('/api/v1/generation/personal/jobs', {
      body: { topic: topic.trim(), difficulty, studentLevel, count: number, materialIds },
    }));
    setBusy(false);
    if (!data) return setError(messageOf(problem, response));
    navigate(`/my-questions/jobs/${data.id}`);
  };

  return (
    <form className="panel job-form" aria-labelledby="question-form-title" onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <h2 id="question-form-title">Write questions for me</h2>
      {ready.length === 0 ? <p className="muted">Add a material first: questions can be written once it has been read.</p> : (<>
        <fieldset className="choices">
          <legend>From</legend>
          {ready.map((m) => (
            <label key={m.id} className="check-inline">
              <input type="checkbox" checked={chosen.includes(m.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id))} /> {m.title}
            </label>
          ))}
        </fieldset>
      <label className="field"><span>About</span><input value={topic} maxLength={200} onChange={(e) => setTopic(e.target.value)} placeholder="Aortic dissection" /></label>
      <JobShape difficulty={difficulty} onDifficulty={setDifficulty} level={studentLevel} onLevel={setStudentLevel} levelLabel="My level"
        levelEnds={['first year', 'board-ready']} count={number} onCount={setNumber} countLabel="Questions" maxCount={10} />
      <p className="small muted">Written by a language model from your material and checked by the same item-writing rules as the bank’s, but reviewed by nobody: treat them as practice, and report one that is wrong.</p>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="button" disabled={busy}>{busy ? 'Starting…' : 'Write the questions'}</button>
      </>)}
    </form>
  );
}
