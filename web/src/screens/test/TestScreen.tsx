import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { delivery, messageOf } from '../../api/client';
import { Confidence } from '../../components/Confidence';
import { ItemView, type Option } from '../../components/ItemView';
import { Header } from '../../components/Header';
import { isForFocus } from '../../components/shortcuts';
import { Navigator, type PositionState } from './Navigator';
import { Countdown } from './Countdown';
import { LabValuesPanel } from './LabValuesPanel';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { selectedRange, toggle, type Range } from './highlights';

interface Quiz {
  id?: string;
  examCode?: string;
  mode?: string;
  adaptive?: boolean;
  length?: number;
  status?: string;
  served?: number;
  expiresAt?: string;
}
interface Served {
  position?: number;
  length?: number;
  stem?: string;
  leadIn?: string;
  topic?: string;
  options?: { label?: string; text?: string }[];
  selectedLabel?: string;
}
interface Feedback {
  correct?: boolean;
  correctLabel?: string;
  rationale?: string;
  options?: { label?: string; text?: string; correct?: boolean; explanation?: string | null }[];
  quizStatus?: string;
}

/**
 * Taking a test as on exam day: one item at a time, a navigator of every position, marks, strikes, highlights and a note
 * kept by the server, a countdown when timed, the lab values, keyboard shortcuts (A–E, ← →, M, Enter). Tutor mode shows the
 * key and explanations after each answer; exam mode shows nothing until the block ends. A linear exam is a block the
 * student moves about freely; adaptive and tutor tests go forward only.
 */
export function TestScreen() {
  const { quizId = '' } = useParams();
  const navigate = useNavigate();
  const [quiz, setQuiz] = useState<Quiz | null>(null);
  const [positions, setPositions] = useState<PositionState[]>([]);
  const [item, setItem] = useState<Served | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [confidence, setConfidence] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [labs, setLabs] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const shownAt = useRef(Date.now());
  const stem = useRef<HTMLDivElement | null>(null);

  const navigable = quiz?.mode === 'exam' && quiz.adaptive === false;
  const position = item?.position ?? 0;
  const here = positions.find((p) => p.position === position);

  const show = useCallback((served: Served) => {
    const draft = loadDraft(quizId, served.position ?? 0);
    setItem(served);
    setSelected(draft.selected ?? served.selectedLabel ?? null);
    setFeedback(null);
    setConfidence(draft.confidence ?? null);
    shownAt.current = Date.now();
  }, [quizId]);

  const choose = (label: string | null) => {
    setSelected(label);
    saveDraft(quizId, position, { selected: label });
  };
  const rate = (level: number | null) => {
    setConfidence(level);
    saveDraft(quizId, position, { confidence: level });
  };

  const ended = useCallback(() => navigate(`/tests/${quizId}/results`, { replace: true }), [navigate, quizId]);

  const serveNext = useCallback(async () => {
    const { data, error: problem, response } = await delivery.POST('/api/v1/quizzes/{quizId}/next', { params: { path: { quizId } } });
    if (data) {
      show(data);
      setPositions((list) => (list.some((p) => p.position === data.position) ? list
        : [...list, { position: data.position!, answered: false, marked: false, struck: [], highlights: [], note: null }]));
    } else if (response.status === 409) ended();
    else setError(messageOf(problem, response));
  }, [quizId, show, ended]);

  const open = useCallback(async (to: number) => {
    const { data, error: problem, response } = await delivery.GET('/api/v1/quizzes/{quizId}/items/{position}', { params: { path: { quizId, position: to } } });
    if (data) show(data);
    else setError(messageOf(problem, response));
  }, [quizId, show]);

  // the quiz, its served positions with their annotations, and the item to show: where the student was
  useEffect(() => {
    (async () => {
      const [q, p] = await Promise.all([
        delivery.GET('/api/v1/quizzes/{quizId}', { params: { path: { quizId } } }),
        delivery.GET('/api/v1/quizzes/{quizId}/positions', { params: { path: { quizId } } }),
      ]);
      if (!q.data) return setError(messageOf(q.error, q.response));
      if (q.data.status !== 'active') return ended();
      setQuiz(q.data);
      const served = (p.data ?? []).map(toState);
      setPositions(served);
      const linear = q.data.mode === 'exam' && q.data.adaptive === false;
      if (linear && served.length) {
        const resumeAt = served.find((s) => !s.answered)?.position ?? served[served.length - 1]!.position;
        await open(resumeAt);
      } else await serveNext();
    })();
  }, [quizId, ended, open, serveNext]);

  async function annotate(change: Partial<PositionState>) {
    if (!here) return;
    const next = { ...here, ...change };
    setPositions((list) => list.map((p) => (p.position === position ? next : p)));
    const { data, error: problem, response } = await delivery.PUT('/api/v1/quizzes/{quizId}/items/{position}/annotation', {
      params: { path: { quizId, position } },
      body: { marked: next.marked, struck: next.struck as never, highlights: next.highlights, note: next.note },
    });
    if (!data) return setError(messageOf(problem, response));
    if ('note' in change) clearDraft(quizId, position, ['note']);
  }

  // a note typed but not saved before a reload or a new sign-in is saved now
  const hereKnown = !!here;
  useEffect(() => {
    const note = loadDraft(quizId, position).note;
    if (hereKnown && note !== undefined && note !== (here?.note ?? '')) void annotate({ note: note || null });
  }, [quizId, position, hereKnown]);

  async function submit() {
    if (!selected || busy || feedback) return;
    setBusy(true);
    const { data, error: problem, response } = await delivery.POST('/api/v1/quizzes/{quizId}/answers', {
      params: { path: { quizId } },
      body: { position, selectedLabel: selected as never, confidence: confidence ?? undefined, timeTakenMs: Date.now() - shownAt.current },
    });
    setBusy(false);
    if (!data) {
      if (response.status === 409 && !navigable) return ended();
      return setError(messageOf(problem, response));
    }
    clearDraft(quizId, position, ['selected', 'confidence']);
    setPositions((list) => list.map((p) => (p.position === position ? { ...p, answered: true } : p)));
    if (data.correctLabel) setFeedback(data);
    else if (navigable) await forward();
    else if (data.quizStatus !== 'active') ended();
    else await serveNext();
  }

  /** After tutor feedback: the next item, or the results once the answer ended the test. */
  function afterFeedback() {
    return feedback?.quizStatus && feedback.quizStatus !== 'active' ? ended() : serveNext();
  }

  async function forward() {
    if (navigable && position < positions.length) return open(position + 1);
    if (navigable && position >= (quiz?.length ?? 0)) return setFinishing(true);
    return serveNext();
  }

  async function finish() {
    const { data, error: problem, response } = await delivery.POST('/api/v1/quizzes/{quizId}/finish', { params: { path: { quizId } } });
    if (data || response.status === 409) ended();
    else setError(messageOf(problem, response));
  }

  function highlight() {
    if (!stem.current || !here) return;
    const range = selectedRange(stem.current);
    if (!range) return;
    window.getSelection()?.removeAllRanges();
    void annotate({ highlights: toggle(here.highlights, range) });
  }

  // keyboard: A–E choose, ← → move, M marks, H highlights the selection, Enter submits
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isForFocus(e)) return;
      const key = e.key.toUpperCase();
      const labels = item?.options?.map((o) => o.label) ?? [];
      if (labels.includes(key) && !feedback) choose(key);
      else if (key === 'M') void annotate({ marked: !here?.marked });
      else if (key === 'H') highlight();
      else if (e.key === 'Enter') { e.preventDefault(); if (feedback) void afterFeedback(); else void submit(); }
      else if (e.key === 'ArrowRight' && (navigable || feedback)) void (feedback ? afterFeedback() : forward());
      else if (e.key === 'ArrowLeft' && navigable && position > 1) void open(position - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!quiz || !item) {
    return (
      <>
        <Header />
        <main className="page"><p className="muted">{error ?? 'Loading the test…'}</p></main>
      </>
    );
  }

  const options: Option[] = (feedback?.options ?? item.options ?? []).map((o) => ({ label: o.label!, text: o.text!, ...o }));
  const unanswered = positions.filter((p) => !p.answered).length + Math.max(0, (quiz.length ?? 0) - positions.length);
  const marked = positions.filter((p) => p.marked).length;
  return (
    <div className="test">
      <header className="test-bar">
        <div>
          <strong>{quiz.examCode}</strong> · {quiz.mode === 'exam' ? 'Exam' : 'Tutor'} mode
          <span className="muted"> · Item {position} of {quiz.length}</span>
        </div>
        <div className="test-tools">
          {quiz.expiresAt && <Countdown until={quiz.expiresAt} onZero={ended} />}
          <button type="button" className={`tool ${here?.marked ? 'on' : ''}`} aria-pressed={!!here?.marked} onClick={() => void annotate({ marked: !here?.marked })}>
            ⚑ Mark <kbd>M</kbd>
          </button>
          <button type="button" className="tool" onClick={highlight} title="Select words of the vignette, then Highlight (H)">
            Highlight <kbd>H</kbd>
          </button>
          <button type="button" className={`tool ${labs ? 'on' : ''}`} aria-pressed={labs} onClick={() => setLabs(!labs)}>Lab values</button>
          <button type="button" className="tool danger" onClick={() => setFinishing(true)}>End block</button>
        </div>
      </header>
      <div className="test-body">
        <Navigator positions={positions} length={quiz.length ?? 0} current={position} navigable={navigable} onOpen={(p) => void open(p)} />
        <main className="test-main" id="main">
          {error && <p className="error" role="alert">{error}</p>}
          {feedback && (
            <p className={`verdict ${feedback.correct ? 'right' : 'wrong'}`} role="status">
              {feedback.correct ? 'Correct.' : `Incorrect: the answer is ${feedback.correctLabel}.`}
            </p>
          )}
          <ItemView
            stem={item.stem ?? ''}
            leadIn={item.leadIn}
            options={options}
            selected={selected}
            struck={here?.struck ?? []}
            highlights={here?.highlights ?? []}
            revealed={feedback}
            disabled={!!feedback}
            stemRef={stem}
            onSelect={choose}
            onStrike={(label) => void annotate({ struck: here?.struck.includes(label) ? here.struck.filter((l) => l !== label) : [...(here?.struck ?? []), label] })}
          />
          {!feedback && <Confidence value={confidence} onChange={rate} />}
          <div className="test-actions">
            {navigable && <button type="button" className="button secondary" disabled={position <= 1} onClick={() => void open(position - 1)}>← Previous</button>}
            {!feedback && <button type="button" className="button" disabled={!selected || busy} onClick={() => void submit()}>Submit <kbd>Enter</kbd></button>}
            {(feedback || navigable) && <button type="button" className="button secondary" onClick={() => void (feedback ? afterFeedback() : forward())}>Next →</button>}
          </div>
          <label className="note">
            <span>Your note on this item</span>
            <textarea key={position} defaultValue={loadDraft(quizId, position).note ?? here?.note ?? ''} maxLength={2000} rows={2}
              onChange={(e) => saveDraft(quizId, position, { note: e.target.value })}
              onBlur={(e) => e.target.value !== (here?.note ?? '') ? void annotate({ note: e.target.value || null }) : clearDraft(quizId, position, ['note'])} />
          </label>
        </main>
        {labs && <LabValuesPanel onClose={() => setLabs(false)} />}
      </div>
      <Modal isDismissable isOpen={finishing} onOpenChange={setFinishing} className="modal">
        <Dialog className="dialog">
          <Heading slot="title">End this block?</Heading>
          {unanswered > 0 || marked > 0 ? (
            <p data-testid="finish-warning">
              {unanswered > 0 && <>{unanswered} {unanswered === 1 ? 'item is' : 'items are'} unanswered. </>}
              {marked > 0 && <>{marked} {marked === 1 ? 'item is' : 'items are'} marked for review. </>}
              Once ended, the answers cannot change.
            </p>
          ) : <p>Every item is answered. Once ended, the answers cannot change.</p>}
          <div className="dialog-actions">
            <Button className="button secondary" onPress={() => setFinishing(false)}>Keep going</Button>
            <Button className="button danger" onPress={() => void finish()}>End the block</Button>
          </div>
        </Dialog>
      </Modal>
    </div>
  );
}

function toState(p: { position?: number; answered?: boolean; marked?: boolean; struck?: string[]; highlights?: { start?: number; end?: number }[]; note?: string | null }): PositionState {
  return {
    position: p.position ?? 0,
    answered: !!p.answered,
    marked: !!p.marked,
    struck: p.struck ?? [],
    highlights: (p.highlights ?? []).map((h) => ({ start: h.start ?? 0, end: h.end ?? 0 }) as Range),
    note: p.note ?? null,
  };
}
