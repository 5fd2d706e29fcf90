import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { generation, messageOf, reviews } from '../../api/client';
import type { components } from '../../api/generated/review';
import { Confidence } from '../../components/Confidence';
import { FlagItem, type SendFlag } from '../../components/FlagItem';
import { ItemView } from '../../components/ItemView';
import { moment } from '../../components/format';
import { Page } from '../../components/Page';
import { isForFocus } from '../../components/shortcuts';

type Session = components['schemas']['SessionResponse'];
type Graded = components['schemas']['AnswerResponse'];

function interval(days: number) {
  return days === 0 ? 'later today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

/**
 * A review session: one due item at a time, answered with how sure the student is, then the key, the explanations and
 * when the item comes back. Reloading serves the same unanswered item again.
 */
export function ReviewSessionScreen() {
  const { sessionId = '' } = useParams();
  const [session, setSession] = useState<Session | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [confidence, setConfidence] = useState<number | null>(null);
  const [graded, setGraded] = useState<Graded | null>(null);
  const [correct, setCorrect] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(Date.now());

  const serveNext = useCallback(async () => {
    setBusy(true);
    const { data, error: problem, response } = await reviews.POST('/api/v1/reviews/sessions/{sessionId}/next', { params: { path: { sessionId } } });
    setBusy(false);
    if (!data) return setError(messageOf(problem, response));
    setSession(data);
    setSelected(null);
    setConfidence(null);
    setGraded(null);
    setError(null);
    shownAt.current = Date.now();
  }, [sessionId]);

  useEffect(() => void serveNext(), [serveNext]);

  const item = session?.next;

  async function submit() {
    if (!item || !selected || graded || busy) return;
    if (!confidence) return setError('Say how sure you are: it decides when the item comes back.');
    setBusy(true);
    const { data, error: problem, response } = await reviews.POST('/api/v1/reviews/sessions/{sessionId}/answers', {
      params: { path: { sessionId } },
      body: { position: item.position!, selectedLabel: selected as never, confidence, timeTakenMs: Math.max(1, Date.now() - shownAt.current) },
    });
    setBusy(false);
    if (!data) return setError(messageOf(problem, response));
    setGraded(data);
    setError(null);
    if (data.correct) setCorrect((c) => c + 1);
  }

  // keyboard: A–E choose, Enter submits and then moves on
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isForFocus(e)) return;
      const key = e.key.toUpperCase();
      if (!graded && item?.options?.some((o) => o.label === key)) setSelected(key);
      else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) void (graded ? serveNext() : submit());
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // a question of my own set is reported to my set (it leaves my practice until I edit it); a bank item to its authors
  const flag: SendFlag = async (reason, comment) => {
    const { data, error: problem, response } = item?.personal
      ? await generation.POST('/api/v1/generation/personal/items/{id}/report', { params: { path: { id: graded!.itemId! } }, body: { reason, comment: comment ?? undefined } })
      : await reviews.POST('/api/v1/reviews/items/{itemId}/flags', { params: { path: { itemId: graded!.itemId! } }, body: { reason, comment: comment ?? undefined } });
    return data ? null : messageOf(problem, response);
  };

  if (!session) {
    return <Page title="Review"><p className={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>{error ?? 'Loading…'}</p></Page>;
  }
  const done = !item && !graded;
  const answered = (session.answered ?? 0) + (graded ? 1 : 0);
  const practice = !!session.personal;
  return (
    <Page title={practice ? 'Practice' : 'Review'}>
      <p className="muted session-progress" data-testid="session-progress">
        {done ? `All ${session.itemCount} answered` : `Item ${item?.position ?? answered} of ${session.itemCount}`}
        {!done && item?.topicName && <> · {item.topicName}</>}
        {session.ahead && <> · reviewing ahead</>}
        {practice && <> · your own questions</>}
      </p>
      <progress className="session-bar" max={session.itemCount || 1} value={answered} aria-label="Answered in this session" />
      {done ? (
        <section className="panel" data-testid="session-done">
          <h2>Session complete</h2>
          <p>{session.itemCount === 0 ? 'Nothing was due.' : `You answered ${session.itemCount} ${session.itemCount === 1 ? 'item' : 'items'}${correct ? `, ${correct} of them correctly this sitting` : ''}.`}
            {session.nextDueAt && ` The next review falls due ${moment(session.nextDueAt)}.`}</p>
          <p className="form-actions">
            {practice ? <Link className="button" to="/my-questions">Back to my questions</Link> : <Link className="button" to="/reviews">Back to reviews</Link>}
            {' '}<Link className="button secondary" to={practice ? '/reviews' : '/dashboard'}>{practice ? 'Your reviews' : 'Your dashboard'}</Link>
          </p>
        </section>
      ) : item && (
        <>
          {graded && (
            <p className={`verdict ${graded.correct ? 'right' : 'wrong'}`} role="status" data-testid="verdict">
              {graded.correct ? 'Correct.' : `Incorrect: the answer is ${graded.correctLabel}.`} Back {interval(graded.intervalDays ?? 0)}
              {graded.xpEarned ? ` · +${graded.xpEarned} XP` : ''}
            </p>
          )}
          {item.personal && <p className="small"><span className="badge generated" title="Written by a language model from your material; nobody has reviewed it">Your question · generated, not reviewed</span></p>}
          <ItemView stem={item.stem ?? ''} leadIn={item.leadIn}
            options={(graded?.options ?? item.options ?? []).map((o) => ({ ...o, label: o.label ?? '', text: o.text ?? '' }))}
            selected={graded?.selectedLabel ?? selected} disabled={!!graded || busy} onSelect={setSelected}
            revealed={graded ? { correctLabel: graded.correctLabel, rationale: graded.rationale } : null} />
          {!graded && <Confidence value={confidence} onChange={(c) => { setConfidence(c); setError(null); }} />}
          {error && <p className="error" role="alert">{error}</p>}
          <div className="test-actions">
            {graded
              ? <button type="button" className="button" onClick={() => void serveNext()} disabled={busy}>Next <kbd>Enter</kbd></button>
              : <button type="button" className="button" onClick={() => void submit()} disabled={!selected || busy}>Submit <kbd>Enter</kbd></button>}
            {graded && <FlagItem key={graded.itemId} send={flag} sentNote={item.personal ? 'It is left out of your practice until you edit it.' : undefined} />}
            <Link className="button secondary push-right" to={practice ? '/my-questions' : '/reviews'}>Stop for now</Link>
          </div>
        </>
      )}
    </Page>
  );
}
