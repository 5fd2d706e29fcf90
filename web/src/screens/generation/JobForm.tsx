import { useState } from 'react';
import { useNavigate } from 'react-router';
import { full, generation, messageOf } from '../../api/client';
import { Field } from '../../components/Field';
import { count } from '../../components/format';
import { TopicSelect } from '../items/TopicSelect';
import { useTopics } from '../items/topics';
import { JobShape } from './JobShape';

/** A generation job: which topic, how hard, for whom, how many, for which exam, from which materials. */
export function JobForm({ materialIds }: { materialIds: string[] }) {
  const navigate = useNavigate();
  const topics = useTopics();
  const [topicId, setTopicId] = useState('');
  const [subtopic, setSubtopic] = useState('');
  const [difficulty, setDifficulty] = useState(3);
  const [studentLevel, setStudentLevel] = useState(3);
  const [number, setNumber] = useState(5);
  const [examCode, setExamCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const topic = topics.state === 'done' ? topics.value.find((t) => t.id === topicId) : undefined;
    if (!topic) return setError('Choose the topic the drafts are about.');
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(examCode)) return setError('Name the exam code the items are written for, e.g. STEP1.');
    setBusy(true);
    setError(null);
    const { data, error: problem, response } = await full(generation.POST('/api/v1/generation/jobs', {
      body: { topicId, topic: topic.name, subtopic: subtopic.trim() || undefined, difficulty, studentLevel, count: number, examCode,
        materialIds: materialIds.length ? materialIds : undefined },
    }));
    setBusy(false);
    if (!data) return setError(messageOf(problem, response));
    navigate(`/generate/jobs/${data.id}`);
  };

  return (
    <form className="panel job-form" aria-labelledby="job-title" onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <h2 id="job-title">New generation job</h2>
      <Field label="Topic">{(id) => <TopicSelect id={id} topics={topics} value={topicId} onChange={setTopicId} empty="Choose a topic" required />}</Field>
      <label className="field"><span>Subtopic (optional)</span><input value={subtopic} maxLength={200} onChange={(e) => setSubtopic(e.target.value)} placeholder="Vascular emergencies" /></label>
      <JobShape difficulty={difficulty} onDifficulty={setDifficulty} level={studentLevel} onLevel={setStudentLevel} levelLabel="Student level"
        levelEnds={['beginner', 'expert']} count={number} onCount={setNumber} countLabel="Items" maxCount={20} />
      <label className="field"><span>Exam code</span><input value={examCode} maxLength={64} onChange={(e) => setExamCode(e.target.value.toUpperCase())} placeholder="STEP1" /></label>
      <p className="small muted">{materialIds.length ? `From the ${count(materialIds.length, 'chosen material')}.` : 'From every material of the tenant.'} The drafts come to you for review; nothing is published without a publisher.</p>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="button" disabled={busy}>{busy ? 'Starting…' : 'Generate'}</button>
    </form>
  );
}
