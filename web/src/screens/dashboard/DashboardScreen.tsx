import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { analytics, delivery, reviews } from '../../api/client';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ReadinessBand } from './ReadinessBand';

const AccuracyChart = lazy(() => import('./AccuracyChart'));

function percent(x: number | null | undefined) {
  return x == null ? '—' : `${Math.round(x * 100)} %`;
}

type Result = { attempts?: number; correct?: number };
const row = (label: string, r: Result) => ({ label, attempts: r.attempts ?? 0, accuracy: Math.round(((r.correct ?? 0) / (r.attempts || 1)) * 100) });

/** The student's time per item against the exam's pace, in words. */
export function paceNote(meanMs: number | null | undefined, paceMs: number): string {
  const pace = `exam pace ${Math.round(paceMs / 1000)} s`;
  if (meanMs == null) return pace;
  const gap = Math.round((meanMs - paceMs) / 1000);
  return gap === 0 ? `${pace}: on pace` : `${pace}: ${Math.abs(gap)} s ${gap > 0 ? 'slower' : 'faster'}`;
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
  const [by, setBy] = useState<'topic' | 'blueprint'>('topic');
  const byTopic = (progress?.topics ?? []).filter((t) => t.attempts).map((t) => row(t.topic ?? 'Other', t));
  const byBlueprint = (progress?.blueprints ?? []).filter((b) => b.attempts).map((b) => row(b.blueprintCode ?? 'No blueprint code', b));
  const hasBlueprints = (progress?.blueprints ?? []).some((b) => b.blueprintCode);
  const rows = by === 'blueprint' && hasBlueprints ? byBlueprint : byTopic;
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
              <span className="muted small" data-testid="pace">{progress?.examPaceMs ? paceNote(progress.meanTimeMs, progress.examPaceMs) : ''}</span></div>
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
                <p className="small" data-testid="ability">Your ability: θ = {r.theta.toFixed(2)}{r.se != null && <> with a standard error of {r.se.toFixed(2)}</>}
                  {r.passingTheta != null && <>; the passing standard is θ = {r.passingTheta.toFixed(2)}</>}.</p>
              </>
            ) : <p className="readiness-figure muted" data-testid="readiness">Not available yet</p>}
            {loaded.state === 'failed' ? <p className="error" role="alert">{loaded.message}</p>
              : <p className="muted" data-testid="readiness-explanation">{r?.explanation ?? 'Loading…'}</p>}
            <p className="muted small">How it is computed: your ability is estimated from your latest answers to items whose difficulty has been
              measured from many students' answers (calibrated items); its standard error says how sure the estimate is. Exam blocks count
              once they end.</p>
          </section>

          <section className="panel" aria-labelledby="topics-title">
            <div className="panel-head">
              <h2 id="topics-title">Results by {by === 'blueprint' && hasBlueprints ? 'blueprint code' : 'topic'}</h2>
              {hasBlueprints && (
                <div className="tabs compact" role="group" aria-label="Group the results">
                  <button type="button" className={`tab ${by === 'topic' ? 'on' : ''}`} aria-pressed={by === 'topic'} onClick={() => setBy('topic')}>By topic</button>
                  <button type="button" className={`tab ${by === 'blueprint' ? 'on' : ''}`} aria-pressed={by === 'blueprint'} onClick={() => setBy('blueprint')}>By blueprint code</button>
                </div>
              )}
            </div>
            {rows.length === 0 ? <p className="muted">No answers yet for {examCode}. <Link to="/tests/new">Build a test</Link>.</p> : (
              <Suspense fallback={<p className="muted">Loading the chart…</p>}>
                <AccuracyChart rows={rows} title={`Share of correct answers by ${by === 'blueprint' && hasBlueprints ? 'blueprint code' : 'topic'}`} />
              </Suspense>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
