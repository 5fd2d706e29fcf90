import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Checkbox, CheckboxGroup, Label, NumberField, Group, Input, Radio, RadioGroup, Switch } from 'react-aria-components';
import { authoring, delivery, messageOf } from '../../api/client';
import { useApi } from '../../components/useApi';
import { Page } from '../../components/Page';
import { subtreeOf, type Topic } from './topics';

type Pool = 'all' | 'unused' | 'incorrect' | 'flagged';
const DIFFICULTIES = ['easy', 'medium', 'hard', 'nbme'] as const;

/** Build a test: exam code, topics (whole subtrees), difficulty, pool, mode, timing, adaptive or linear, length. */
export function BuilderScreen() {
  const navigate = useNavigate();
  const exams = useApi(() => delivery.GET('/api/v1/quizzes/exams'));
  const topics = useApi(() => authoring.GET('/api/v1/authoring/topics'));
  const [examCode, setExamCode] = useState<string>('');
  const [topicIds, setTopicIds] = useState<string[]>([]);
  const [difficulties, setDifficulties] = useState<string[]>([]);
  const [pool, setPool] = useState<Pool>('all');
  const [mode, setMode] = useState<'tutor' | 'exam'>('tutor');
  const [adaptive, setAdaptive] = useState(false);
  const [timed, setTimed] = useState(false);
  const [secondsPerItem, setSecondsPerItem] = useState(90);
  const [length, setLength] = useState(10);
  const [counts, setCounts] = useState<{ matching: number; unused: number; incorrect: number; flagged: number; published: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (exams.state === 'done' && !examCode && exams.value.length) setExamCode(exams.value[0]!.examCode!);
  }, [exams, examCode]);

  const tree = useMemo(() => (topics.state === 'done' ? (topics.value as Topic[]) : []), [topics]);
  // the server takes a topic with its whole subtree: only the topmost checked topics are sent
  const chosenRoots = useMemo(() => topicIds.filter((id) => !tree.find((t) => t.id === id)?.path?.slice(0, -1).some((a) => topicIds.includes(a))), [topicIds, tree]);

  useEffect(() => {
    if (!examCode) return;
    let current = true;
    const timer = setTimeout(() => {
      delivery
        .GET('/api/v1/quizzes/matching', {
          params: { query: { examCode, topicIds: chosenRoots, difficulties: difficulties as never, history: pool === 'all' ? undefined : pool } },
        })
        .then(({ data }) => current && data && setCounts(data as typeof counts));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [examCode, chosenRoots, difficulties, pool]);

  const toggleTopic = (topic: Topic, on: boolean) => {
    const subtree = subtreeOf(tree, topic.id!);
    setTopicIds((ids) => (on ? [...new Set([...ids, ...subtree])] : ids.filter((id) => !subtree.includes(id) && !topic.path?.includes(id))));
  };

  async function start() {
    setStarting(true);
    setError(null);
    const { data, error: problem, response } = await delivery.POST('/api/v1/quizzes', {
      body: {
        examCode,
        mode,
        adaptive,
        length,
        timeLimitSeconds: timed ? Math.max(30, secondsPerItem * length) : undefined,
        topicIds: chosenRoots,
        difficulties: difficulties as never,
        history: pool === 'all' ? undefined : pool,
      },
    });
    setStarting(false);
    if (data?.id) navigate(`/tests/${data.id}`);
    else setError(messageOf(problem, response));
  }

  const matching = counts?.matching ?? null;
  return (
    <Page title="Build a test">
      <form className="builder" onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <section className="panel">
          <h2>Exam</h2>
          {exams.state === 'failed' && <p className="error">{exams.message}</p>}
          {exams.state === 'done' && exams.value.length === 0 && <p className="muted">No exam has published items yet.</p>}
          <RadioGroup className="choices" aria-label="Exam code" value={examCode} onChange={setExamCode}>
            {exams.state === 'done' && exams.value.map((e) => (
              <Radio key={e.examCode} value={e.examCode!} className="choice">
                {e.examCode} <span className="muted small">{e.items} items</span>
              </Radio>
            ))}
          </RadioGroup>
        </section>

        <section className="panel">
          <h2>Topics</h2>
          <p className="muted small">None chosen: every topic. A topic brings its whole subtree.</p>
          <div className="topic-tree" role="group" aria-label="Topics">
            {tree.map((t) => (
              <Checkbox key={t.id} className="topic" isSelected={topicIds.includes(t.id!)} onChange={(on) => toggleTopic(t, on)}
                style={{ paddingInlineStart: `${((t.path?.length ?? 1) - 1) * 1.25}rem` }}>
                <span className="box" aria-hidden="true" />
                {t.name}
              </Checkbox>
            ))}
          </div>
        </section>

        <section className="panel">
          <h2>Questions</h2>
          <CheckboxGroup className="choices" value={difficulties} onChange={setDifficulties}>
            <Label>Difficulty <span className="muted small">(none chosen: all)</span></Label>
            {DIFFICULTIES.map((d) => (
              <Checkbox key={d} value={d} className="choice check"><span className="box" aria-hidden="true" />{d === 'nbme' ? 'NBME-style' : d}</Checkbox>
            ))}
          </CheckboxGroup>
          <RadioGroup className="choices" value={pool} onChange={(v) => setPool(v as Pool)}>
            <Label>Pool</Label>
            <Radio value="all" className="choice">All</Radio>
            <Radio value="unused" className="choice">Unused {counts && <span className="count">{counts.unused}</span>}</Radio>
            <Radio value="incorrect" className="choice">Incorrect {counts && <span className="count">{counts.incorrect}</span>}</Radio>
            <Radio value="flagged" className="choice">Flagged {counts && <span className="count">{counts.flagged}</span>}</Radio>
          </RadioGroup>
        </section>

        <section className="panel">
          <h2>Mode</h2>
          <RadioGroup className="choices" value={mode} onChange={(v) => setMode(v as 'tutor' | 'exam')}>
            <Label>Feedback</Label>
            <Radio value="tutor" className="choice">Tutor <span className="muted small">explanations after each answer</span></Radio>
            <Radio value="exam" className="choice">Exam <span className="muted small">nothing until the block ends</span></Radio>
          </RadioGroup>
          <RadioGroup className="choices" value={adaptive ? 'adaptive' : 'linear'} onChange={(v) => setAdaptive(v === 'adaptive')}>
            <Label>Order</Label>
            <Radio value="linear" className="choice">Linear block <span className="muted small">go back and change answers</span></Radio>
            <Radio value="adaptive" className="choice">Adaptive <span className="muted small">each item chosen for your ability</span></Radio>
          </RadioGroup>
          <Switch className="switch" isSelected={timed} onChange={setTimed}>
            <span className="track" aria-hidden="true" /> Timed
          </Switch>
          {timed && (
            <NumberField className="number" value={secondsPerItem} minValue={30} maxValue={600} step={5} onChange={setSecondsPerItem}>
              <Label>Seconds per item</Label>
              <Group><Input /></Group>
            </NumberField>
          )}
          <NumberField className="number" value={length} minValue={1} maxValue={120} onChange={setLength}>
            <Label>Number of items</Label>
            <Group><Input /></Group>
          </NumberField>
        </section>

        <footer className="builder-footer">
          <p data-testid="matching" aria-live="polite">
            {matching === null ? 'Counting matching items…' : <><strong>{matching}</strong> matching items{matching < length ? ` — fewer than ${length}: the test will be shorter` : ''}</>}
          </p>
          {error && <p className="error" role="alert">{error}</p>}
          <Button type="submit" className="button large" isDisabled={!examCode || starting || matching === 0}>
            {starting ? 'Starting…' : 'Start the test'}
          </Button>
        </footer>
      </form>
    </Page>
  );
}
