import { Link, useParams } from 'react-router';
import { delivery, messageOf } from '../../api/client';
import { FlagItem, type SendFlag } from '../../components/FlagItem';
import { ItemView } from '../../components/ItemView';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';

function duration(ms: number) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A test's results: score and time, by topic, and every item with the answer given, the key and the explanations. */
export function ResultsScreen() {
  const { quizId = '' } = useParams();
  const results = useApi(() => delivery.GET('/api/v1/quizzes/{quizId}/results', { params: { path: { quizId } } }), [quizId]);
  if (results.state !== 'done') {
    return <Page title="Results"><p className={results.state === 'failed' ? 'error' : 'muted'}>{results.state === 'failed' ? results.message : 'Loading…'}</p></Page>;
  }
  const r = results.value;
  const flag = (position: number): SendFlag => async (reason, comment) => {
    const { data, error, response } = await delivery.POST('/api/v1/quizzes/{quizId}/items/{position}/flag',
      { params: { path: { quizId, position } }, body: { reason, comment: comment ?? undefined } });
    return data ? null : messageOf(error, response);
  };
  const active = r.quiz?.status === 'active';
  return (
    <Page title={`Results · ${r.quiz?.examCode ?? ''}`}>
      {active && <p className="muted">This test is still running. <Link to={`/tests/${quizId}`}>Go back to it</Link>.</p>}
      <section className="figures-row">
        <div className="figure"><span className="muted small">Score</span><strong data-testid="score">{r.score == null ? '—' : `${Math.round(r.score * 100)} %`}</strong></div>
        <div className="figure"><span className="muted small">Correct</span><strong>{r.correct ?? '—'} / {r.answered}</strong></div>
        <div className="figure"><span className="muted small">Time</span><strong>{duration(r.totalTimeMs ?? 0)}</strong></div>
        {r.quiz?.mode && <div className="figure"><span className="muted small">Mode</span><strong>{r.quiz.mode === 'exam' ? 'Exam' : 'Tutor'}</strong></div>}
      </section>
      {!!r.topics?.length && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Results by topic">
          <table className="table">
            <caption>By topic</caption>
            <thead><tr><th scope="col">Topic</th><th scope="col">Correct</th><th scope="col">Answered</th></tr></thead>
            <tbody>
              {r.topics.map((t) => <tr key={t.topicId}><th scope="row">{t.topic}</th><td>{t.correct ?? '—'}</td><td>{t.answered}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
      <h2>Items</h2>
      <ol className="result-items">
        {r.items?.map((i) => (
          <li key={i.position} className={`result-item ${i.correct === true ? 'right' : i.correct === false ? 'wrong' : ''}`}>
            <p className="muted small">
              Item {i.position} · {i.topic} · {i.selectedLabel ? `your answer ${i.selectedLabel}` : 'not answered'}
              {i.correct != null && (i.correct ? ' · correct' : ` · incorrect, the answer is ${i.correctLabel}`)}
            </p>
            <ItemView stem={i.stem ?? ''} leadIn={i.leadIn}
              options={(i.options ?? i.choices ?? []).map((o) => ({ label: o.label!, text: o.text!, ...o }))}
              selected={i.selectedLabel} disabled revealed={i.correctLabel ? { correctLabel: i.correctLabel, rationale: i.rationale } : null} />
            <FlagItem send={flag(i.position!)} what={`item ${i.position}`} />
          </li>
        ))}
      </ol>
      <p><Link className="button" to="/tests/new">Build another test</Link></p>
    </Page>
  );
}
