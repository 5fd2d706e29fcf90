import { Link } from 'react-router';
import { delivery } from '../../api/client';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';

const STATUS: Record<string, string> = { active: 'In progress', completed: 'Completed', expired: 'Time ran out' };

/** The student's tests, newest first: resume one in progress, review an ended one. */
export function TestsScreen() {
  const tests = useApi(() => delivery.GET('/api/v1/quizzes', { params: { query: { size: 50 } } }));
  return (
    <Page title="Your tests">
      <p><Link className="button" to="/tests/new">Build a test</Link></p>
      {tests.state === 'loading' && <p className="muted">Loading…</p>}
      {tests.state === 'failed' && <p className="error">{tests.message}</p>}
      {tests.state === 'done' && (tests.value.length === 0 ? <p className="muted">No tests yet.</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Your tests">
        <table className="table" data-testid="tests">
          <thead>
            <tr><th scope="col">Started</th><th scope="col">Exam</th><th scope="col">Mode</th><th scope="col">Items</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col"><span className="visually-hidden">Open</span></th></tr>
          </thead>
          <tbody>
            {tests.value.map((q) => {
              const active = q.status === 'active';
              return (
                <tr key={q.id}>
                  <td>{q.startedAt ? new Date(q.startedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : ''}</td>
                  <td>{q.examCode}</td>
                  <td>{q.mode === 'exam' ? 'Exam' : 'Tutor'}{q.adaptive ? ', adaptive' : ''}{q.timeLimitSeconds ? ', timed' : ''}</td>
                  <td>{q.answered} / {q.length}</td>
                  <td>{STATUS[q.status ?? ''] ?? q.status}</td>
                  <td>{q.correct == null || !q.answered ? '—' : `${Math.round((q.correct / q.answered) * 100)} %`}</td>
                  <td>{active ? <Link to={`/tests/${q.id}`}>Resume</Link> : <Link to={`/tests/${q.id}/results`}>Review</Link>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      ))}
    </Page>
  );
}
