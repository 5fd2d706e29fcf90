import { useEffect, useState } from 'react';
import { analytics, full, messageOf, type Full } from '../../api/client';
import type { components } from '../../api/generated/analytics';
import { Field } from '../../components/Field';
import { shortMoment } from '../../components/format';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { AnalyticsNav } from './AnalyticsNav';

type Job = Full<components['schemas']['AnalyticsJob']>;
const POLL_MS = 500;

/** Calibration and Sympson–Hetter jobs: start one, follow it as it runs, and every earlier run with its outcome. */
export function JobsScreen() {
  const [revision, setRevision] = useState(0);
  const [running, setRunning] = useState<Job | null>(null);
  const history = useApi(() => full(analytics.GET('/api/v1/analytics/jobs', { params: { query: { limit: 50 } } })), [revision]);

  // the running job, read again until it has finished
  useEffect(() => {
    if (!running || running.state === 'succeeded' || running.state === 'failed') return;
    const timer = setTimeout(() => {
      void full(analytics.GET('/api/v1/analytics/jobs/{jobId}', { params: { path: { jobId: running.jobId } } })).then(({ data }) => {
        if (!data) return;
        setRunning(data);
        if (data.state === 'succeeded' || data.state === 'failed') setRevision((r) => r + 1);
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [running]);

  return (
    <Page title="Item analytics" wide>
      <AnalyticsNav />
      <div className="jobs-forms">
        <CalibrationForm onStarted={setRunning} />
        <ExposureForm onStarted={setRunning} />
      </div>
      {running && <RunningJob job={running} />}
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">Earlier runs</h2>
        {history.state === 'failed' && <p className="error">{history.message}</p>}
        {history.state === 'done' && (history.value.length === 0 ? <p className="muted">No job has run yet.</p> : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Earlier runs">
            <table className="table compact" data-testid="job-history">
              <thead><tr><th scope="col">Job</th><th scope="col">State</th><th scope="col">Started</th><th scope="col">Settings</th><th scope="col">Outcome</th></tr></thead>
              <tbody>
                {history.value.map((j) => (
                  <tr key={j.jobId}>
                    <td>{j.kind === 'calibration' ? 'Calibration' : 'Exposure control'}</td>
                    <td><span className={`job-state job-${j.state}`}>{j.state}</span></td>
                    <td className="nowrap">{shortMoment(j.createdAt)}</td>
                    <td className="small">{summary(j.parameters)}</td>
                    <td className="small">{j.error ?? summary(j.result)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </Page>
  );
}

/** A job's parameters, progress or result as "name value" pairs. */
function summary(values: Record<string, unknown> | null | undefined): string {
  if (!values) return '–';
  return Object.entries(values).map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v)}`).join(' · ');
}

function RunningJob({ job }: { job: Job }) {
  const done = job.state === 'succeeded' || job.state === 'failed';
  return (
    <section className="panel job-progress" aria-labelledby="running-title" aria-busy={!done}>
      <div className="panel-head">
        <h2 id="running-title">{job.kind === 'calibration' ? 'Calibration' : 'Exposure control'}</h2>
        <span className={`job-state job-${job.state}`} data-testid="analytics-job-state">{job.state}</span>
      </div>
      <p className="small" role="status">{done ? (job.error ? `Failed: ${job.error}` : summary(job.result)) : summary(job.progress) || 'Starting…'}</p>
    </section>
  );
}

function CalibrationForm({ onStarted }: { onStarted: (job: Job) => void }) {
  const [model, setModel] = useState<'2PL' | '3PL'>('2PL');
  const [minimum, setMinimum] = useState(200);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    const { data, error: problem, response } = await full(analytics.POST('/api/v1/analytics/jobs/calibration', { body: { model, minimumResponses: minimum } }));
    if (!data) return setError(messageOf(problem, response));
    onStarted(data as Job);
  };
  return (
    <form className="panel" aria-labelledby="calibration-title" onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <h2 id="calibration-title">Calibrate items</h2>
      <p className="small muted">Fits each item's IRT parameters to the answers so far (MML-EM); adaptive tests use them from then on.</p>
      <div className="field-row">
        <Field label="Model">{(id) => <select id={id} value={model} onChange={(e) => setModel(e.target.value as '2PL' | '3PL')}><option>2PL</option><option>3PL</option></select>}</Field>
        <label className="field"><span>Fewest responses per item</span><input type="number" min={10} max={1000000} value={minimum} onChange={(e) => setMinimum(Number(e.target.value))} /></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="button">Start calibration</button>
    </form>
  );
}

function ExposureForm({ onStarted }: { onStarted: (job: Job) => void }) {
  const [examCode, setExamCode] = useState('');
  const [target, setTarget] = useState(25);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    if (!examCode.trim()) return setError('Name the exam code whose live items to control.');
    const { data, error: problem, response } = await full(analytics.POST('/api/v1/analytics/jobs/exposure-control', { body: { examCode: examCode.trim(), targetRate: target / 100 } }));
    if (!data) return setError(messageOf(problem, response));
    onStarted(data as Job);
  };
  return (
    <form className="panel" aria-labelledby="exposure-title" onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <h2 id="exposure-title">Control exposure</h2>
      <p className="small muted">Simulates adaptive tests to find how often each item may be given (Sympson–Hetter), so no item is seen by too many students.</p>
      <div className="field-row">
        <label className="field"><span>Exam code</span><input value={examCode} onChange={(e) => setExamCode(e.target.value.toUpperCase())} placeholder="STEP1" /></label>
        <label className="field"><span>Highest share of tests (%)</span><input type="number" min={1} max={100} value={target} onChange={(e) => setTarget(Number(e.target.value))} /></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="button">Start exposure control</button>
    </form>
  );
}
