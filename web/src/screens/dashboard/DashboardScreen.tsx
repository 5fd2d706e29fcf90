import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { analytics, delivery, reviews } from '../../api/client';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ReadinessBand } from './ReadinessBand';

const TopicChart = lazy(() => import('./TopicChart'));

/** The pace the exams students prepare for keep: about 90 seconds per item (USMLE Step 1: 40 items in 60 minutes). */
const EXAM_PACE_MS = 90_000;

function percent(x: number | null | undefined) {
  return x == null ? '—' : `${Math.round(x * 100)} %`;
}

/** A student's dashboard of one exam code: use of the bank, accuracy, standing, readiness, time, topics, reviews. */
export function DashboardScreen() {
  const { identity } = useAuth();
  const [params, setParams] = useSearchParams();
  const exams = useApi(() => delivery.GET('/api/v1/quizzes/exams'));
  const examCode = params.get('exam') ?? (exams.state === 'done' ? exams.value[0]?.examCode : undefined);
  const profile = useApi(() => reviews.GET('/api/v1/reviews/profile'));
  const forecast = useApi(() => reviews.GET('/api/v1/reviews/forecast', { params: { query: { days: 1 } } }));
  const loaded = useApi(() => examCode ? analytics.GET('/api/v1/analytics/students/{userId}/progress',
    { params: { path: { userId: 'me' }, query: { examCode } } }) : null, [examCode]);
  const progress = loaded.state === 'done' ? loaded.value : null;

  const exam = exams.state === 'done' ? exams.value.find((e) => e.examCode === examCode) : undefined;
  const r = progress?.readiness;
  const rows = (progress?.topics ?? []).filter((t) => t.attempts).map((t) => ({
    topic: t.topic ?? 'Other', attempts: t.attempts ?? 0, accuracy: Math.round(((t.correct ?? 0) / (t.attempts || 1)) * 100),
  }));
  return (
    <Page title={`${identity?.name.split(' ')[0] ?? 'Your'}'s dashboard`}>
      {exams.state === 'done' && exams.value.length > 1 && (
        <nav className="tabs" aria-label="Exam codes">
          {exams.value.map((e) => (
            <button key={e.examCode} type="button" className={`tab ${e.examCode === examCode ? 'on' : ''}`} aria-current={e.examCode === examCode}
              onClick={() => setParams({ exam: e.examCode! })}>{e.examCode}</button>
          ))}
        </nav>
      )}
      {exams.state === 'done' && !examCode && <p className="muted">No exam has published items yet.</p>}
      {examCode && (
        <>
          <section className="figures-row" aria-label="At a glance">
            <div className="figure"><span className="muted small">Items used</span>
              <strong data-testid="used">{exam ? `${exam.used} / ${exam.items}` : '…'}</strong>
              <span className="muted small">{exam ? `${(exam.items ?? 0) - (exam.used ?? 0)} unused` : ''}</span></div>
            <div className="figure"><span className="muted small">Accuracy</span><strong data-testid="accuracy">{percent(progress?.accuracy)}</strong>
              <span className="muted small">{progress ? `${progress.correct} of ${progress.attempts} answers` : ''}</span></div>
            <div className="figure"><span className="muted small">Percentile</span>
              <strong>{progress?.percentileRank == null ? '—' : Math.round(progress.percentileRank)}</strong>
              <span className="muted small">{progress?.percentileRank == null ? 'too few answers to rank yet' : `among ${progress.peers} students`}</span></div>
            <div className="figure"><span className="muted small">Time per item</span>
              <strong>{progress?.meanTimeMs == null ? '—' : `${Math.round(progress.meanTimeMs / 1000)} s`}</strong>
              <span className="muted small">exam pace {EXAM_PACE_MS / 1000} s</span></div>
            <div className="figure"><span className="muted small">Reviews due today</span>
              <strong data-testid="due">{forecast.state === 'done' ? (forecast.value[0]?.due ?? 0) : '…'}</strong>
              <span className="muted small">{profile.state === 'done' ? `Level ${profile.value.level} · ${profile.value.xp} XP · ${profile.value.currentStreak} d streak` : ''}</span></div>
          </section>

          <section className="panel readiness" aria-labelledby="readiness-title">
            <h2 id="readiness-title">Readiness for {examCode}</h2>
            {r?.meaningful && r.theta != null ? (
              <>
                <p className="readiness-figure"><strong data-testid="readiness">{percent(r.probability)}</strong> chance of being above the passing standard</p>
                <ReadinessBand theta={r.theta} low={r.thetaLow ?? r.theta} high={r.thetaHigh ?? r.theta} passing={r.passingTheta ?? null} />
                <p className="muted small band-legend"><span className="key range" /> your ability, 95 % band <span className="key passing" /> passing standard</p>
              </>
            ) : <p className="readiness-figure muted" data-testid="readiness">Not available yet</p>}
            {loaded.state === 'failed' ? <p className="error" role="alert">{loaded.message}</p>
              : <p className="muted" data-testid="readiness-explanation">{r?.explanation ?? 'Loading…'}</p>}
            <p className="muted small">How it is computed: your ability is estimated from your latest answers to items whose difficulty has been
              measured from many students' answers (calibrated items); its standard error says how sure the estimate is. Exam blocks count
              once they end.</p>
          </section>

          <section className="panel" aria-labelledby="topics-title">
            <h2 id="topics-title">Results by topic</h2>
            {rows.length === 0 ? <p className="muted">No answers yet for {examCode}. <Link to="/tests/new">Build a test</Link>.</p> : (
              <Suspense fallback={<p className="muted">Loading the chart…</p>}>
                <TopicChart rows={rows} />
              </Suspense>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
