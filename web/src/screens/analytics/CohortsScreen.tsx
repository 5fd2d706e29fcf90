import { useState } from 'react';
import { analytics, full } from '../../api/client';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { useTopics } from '../items/topics';
import { AnalyticsNav } from './AnalyticsNav';
import { CohortChart } from './CohortChart';
import { CsvButton } from './CsvButton';
import { percent } from './format';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Cohort performance over a date range (chart and table), mastery by topic, and review retention by scheduler. */
export function CohortsScreen() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [cohort, setCohort] = useState('');
  const range = { from, to, cohort: cohort || undefined };
  const daily = useApi(() => full(analytics.GET('/api/v1/analytics/cohorts/daily', { params: { query: range } })), [from, to, cohort]);
  const retention = useApi(() => full(analytics.GET('/api/v1/analytics/reviews/retention', { params: { query: { from, to } } })), [from, to]);

  const cohorts = daily.state === 'done' ? [...new Set(daily.value.map((d) => d.cohort))].sort() : [];
  const byDay = daily.state === 'done' ? [...new Set(daily.value.map((d) => d.day))].sort().map((day) => Object.fromEntries([['day', day],
    ...cohorts.map((c) => {
      const row = daily.value.find((d) => d.day === day && d.cohort === c);
      return [c, row?.accuracy == null ? null : Math.round(row.accuracy * 100)];
    })])) : [];

  return (
    <Page title="Item analytics" wide>
      <AnalyticsNav />
      <div className="toolbar filters-row">
        <label className="field inline-field"><span>From</span><input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} /></label>
        <label className="field inline-field"><span>To</span><input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} /></label>
        <label className="field inline-field"><span>Cohort</span><input value={cohort} placeholder="Every cohort" onChange={(e) => setCohort(e.target.value.trim())} /></label>
      </div>
      <section className="panel" aria-labelledby="cohorts-title">
        <div className="panel-head">
          <h2 id="cohorts-title">Cohort performance</h2>
          <CsvButton path="/api/v1/analytics/cohorts/daily" query={range} name="cohort-daily" />
        </div>
        {daily.state === 'failed' && <p className="error" role="alert">{daily.message}</p>}
        {daily.state === 'done' && (daily.value.length === 0 ? <p className="muted">No answers in these days.</p> : (
          <>
            <CohortChart days={byDay} cohorts={cohorts} />
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Cohort performance by day">
              <table className="table compact" data-testid="cohort-days">
                <thead><tr><th scope="col">Day</th><th scope="col">Cohort</th><th scope="col">Answers</th><th scope="col">Correct</th><th scope="col">Students</th></tr></thead>
                <tbody>
                  {daily.value.map((d) => (
                    <tr key={`${d.day}/${d.cohort}`}><td>{d.day}</td><td>{d.cohort}</td><td className="num">{d.attempts}</td>
                      <td className="num">{percent(d.accuracy)}</td><td className="num">{d.activeUsers}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
      </section>
      <Mastery />
      <section className="panel" aria-labelledby="retention-title">
        <div className="panel-head">
          <h2 id="retention-title">Retention in reviews</h2>
          <CsvButton path="/api/v1/analytics/reviews/retention" query={{ from, to }} name="retention" />
        </div>
        <p className="small muted">The share of reviews recalled, per scheduler, where the review happened, and whether the question was the bank’s or a learner’s own.</p>
        {retention.state === 'failed' && <p className="error">{retention.message}</p>}
        {retention.state === 'done' && (retention.value.length === 0 ? <p className="muted">No reviews in these days.</p> : (
          <table className="table compact" data-testid="retention">
            <thead><tr><th scope="col">Scheduler</th><th scope="col">Source</th><th scope="col">Questions</th><th scope="col">Reviews</th><th scope="col">Recalled</th></tr></thead>
            <tbody>
              {retention.value.map((r) => (
                <tr key={`${r.scheduler}/${r.source}/${r.personal}`}><td>{r.scheduler.toUpperCase()}</td><td>{r.source}</td><td>{r.personal ? 'learners’ own' : 'the bank’s'}</td><td className="num">{r.reviews}</td><td className="num">{percent(r.retention)}</td></tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
    </Page>
  );
}

/** Each topic across the tenant's students, the weakest mastered first. */
function Mastery() {
  const topics = useTopics();
  const mastery = useApi(() => full(analytics.GET('/api/v1/analytics/topics/mastery')));
  const name = (id: string) => (topics.state === 'done' ? topics.value.find((t) => t.id === id)?.name : undefined) ?? 'A topic no longer in the bank';
  return (
    <section className="panel" aria-labelledby="mastery-title">
      <div className="panel-head">
        <h2 id="mastery-title">Mastery by topic</h2>
        <CsvButton path="/api/v1/analytics/topics/mastery" name="topic-mastery" />
      </div>
      <p className="small muted">A student's mastery of a topic is (right + 1) / (answers + 2): it starts at one half and moves with every answer. The weakest topics first.</p>
      {mastery.state === 'failed' && <p className="error">{mastery.message}</p>}
      {mastery.state === 'done' && (mastery.value.length === 0 ? <p className="muted">No answers yet.</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Mastery by topic">
          <table className="table compact" data-testid="mastery">
            <thead><tr><th scope="col">Topic</th><th scope="col">Students</th><th scope="col">Answers</th><th scope="col">Right</th><th scope="col">Mean mastery</th><th scope="col">Below one half</th></tr></thead>
            <tbody>
              {mastery.value.map((m) => (
                <tr key={m.topicId}><td>{name(m.topicId)}</td><td className="num">{m.students}</td><td className="num">{m.attempts}</td>
                  <td className="num">{percent(m.accuracy)}</td><td className="num">{percent(m.meanMastery)}</td><td className="num">{m.belowHalf}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
