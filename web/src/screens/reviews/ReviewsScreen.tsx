import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf, reviews } from '../../api/client';
import { moment } from '../../components/format';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { summarize } from './forecast';
import { SchedulerSettings } from './SchedulerSettings';

const ForecastChart = lazy(() => import('./ForecastChart'));

const FORECAST_DAYS = 30;

/** Spaced review: what is due now and a session over it, what falls due in the coming days, and the scheduler's settings. */
export function ReviewsScreen() {
  const navigate = useNavigate();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [saved, setSaved] = useState(false);
  const due = useApi(() => reviews.GET('/api/v1/reviews/due', { params: { query: { limit: 200 } } }), [version]);
  const forecast = useApi(() => reviews.GET('/api/v1/reviews/forecast', { params: { query: { days: FORECAST_DAYS } } }), [version]);
  const profile = useApi(() => reviews.GET('/api/v1/reviews/profile'), [version]);

  const dueNow = due.state === 'done' ? (due.value.items?.length ?? 0) : null;
  const personalDue = due.state === 'done' ? (due.value.items ?? []).filter((i) => i.personal).length : 0;

  async function start(ahead: boolean) {
    setStarting(true);
    const { data, error: problem, response } = await reviews.POST('/api/v1/reviews/sessions', { body: { ahead, limit: 20 } });
    setStarting(false);
    if (!data?.id) return setError(messageOf(problem, response));
    navigate(`/reviews/${data.id}`);
  }

  return (
    <Page title="Reviews">
      <section className="figures-row" aria-label="At a glance">
        <div className="figure"><span className="muted small">Due now</span>
          <strong data-testid="due-now">{dueNow ?? '…'}{due.state === 'done' && dueNow === 200 ? '+' : ''}</strong></div>
        {profile.state === 'done' && (
          <>
            <div className="figure"><span className="muted small">Scheduler</span>
              <strong data-testid="scheduler">{profile.value.scheduler === 'fsrs' ? 'FSRS' : 'SM-2'}</strong>
              {profile.value.scheduler === 'fsrs' && <span className="muted small">retention {Math.round((profile.value.desiredRetention ?? 0.9) * 100)} %</span>}</div>
            <div className="figure"><span className="muted small">Streak</span><strong>{profile.value.currentStreak} d</strong>
              <span className="muted small">longest {profile.value.longestStreak} d</span></div>
            <div className="figure"><span className="muted small">Level {profile.value.level}</span><strong>{profile.value.xp} XP</strong>
              <span className="muted small">next level at {profile.value.nextLevelAtXp}</span></div>
          </>
        )}
      </section>

      <section className="panel start-review">
        {due.state === 'failed' && <p className="error" role="alert">{due.message}</p>}
        {dueNow != null && dueNow > 0 && (
          <>
            <p>{dueNow === 1 ? 'One item is' : `${dueNow} items are`} due{personalDue ? `, ${personalDue} of them your own questions` : ''}. A session takes up to 20, oldest due first.</p>
            <button type="button" className="button large" disabled={starting} onClick={() => void start(false)}>Start reviewing</button>
          </>
        )}
        {dueNow === 0 && (
          <>
            <p data-testid="nothing-due">Nothing is due now.{due.state === 'done' && due.value.nextDueAt ? ` The next review falls due ${moment(due.value.nextDueAt)}.` : ''}</p>
            {due.state === 'done' && due.value.nextDueAt
              ? <button type="button" className="button secondary" disabled={starting} onClick={() => void start(true)}>Review ahead</button>
              : <p className="muted">Items you answer in tests come back here when they are due.</p>}
          </>
        )}
        {error && <p className="error" role="alert">{error}</p>}
      </section>

      <section className="panel" aria-labelledby="forecast-title">
        <h2 id="forecast-title">Coming up</h2>
        {forecast.state === 'failed' && <p className="error" role="alert">{forecast.message}</p>}
        {forecast.state === 'done' && (
          <>
            <p data-testid="forecast-summary">{summarize(forecast.value)}</p>
            <Suspense fallback={<p className="muted">Loading the chart…</p>}>
              <ForecastChart days={forecast.value.map((d) => ({ date: d.date ?? '', due: d.due ?? 0 }))} />
            </Suspense>
          </>
        )}
      </section>

      <section className="panel">
        {profile.state === 'failed' && <p className="error" role="alert">{profile.message}</p>}
        {profile.state === 'done' && (
          <SchedulerSettings
            current={{ scheduler: profile.value.scheduler === 'sm2' ? 'sm2' : 'fsrs', desiredRetention: profile.value.desiredRetention ?? 0.9, timeZone: profile.value.timeZone ?? 'UTC' }}
            onSaved={() => { setSaved(true); setVersion((v) => v + 1); }} />
        )}
        {saved && <p className="muted" role="status" data-testid="settings-saved">Saved. Every schedule was worked out again from your answers.</p>}
      </section>
    </Page>
  );
}
