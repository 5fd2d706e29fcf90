import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { full, generation, messageOf } from '../../api/client';
import { count } from '../../components/format';
import { Page } from '../../components/Page';
import { follow } from '../generation/events';
import { finished, JobProgress } from '../generation/JobProgress';
import type { Job } from '../generation/JobScreen';
import { startPractice } from './practice';

type Outcome = { index: number; outcome: 'accepted' | 'rejected' | 'duplicate'; itemId?: string; reasons?: string[] };

/** My questions being written, live; then what came of them, and practice at once. */
export function PersonalJobScreen() {
  const { jobId = '' } = useParams();
  const navigate = useNavigate();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  // the stream ends when the job has finished; one that breaks off before (a proxy, a network change) is followed again
  useEffect(() => {
    const stop = new AbortController();
    const seen: { job: Job | null } = { job: null };
    const done = () => !!seen.job && finished(seen.job);
    const listen = async () => {
      while (!stop.signal.aborted && !done()) {
        const { response, error: problem } = await generation.GET('/api/v1/generation/personal/jobs/{id}/events',
          { params: { path: { id: jobId } }, parseAs: 'stream', signal: stop.signal });
        if (!response.ok) return setError(messageOf(problem, response));
        await follow<Job>(response, (j) => { seen.job = j; setJob(j); }).catch(() => undefined);
        if (!done()) await new Promise((r) => setTimeout(r, 1000));
      }
    };
    listen().catch((e: unknown) => { if (!stop.signal.aborted) setError(e instanceof Error ? e.message : String(e)); });
    return () => stop.abort();
  }, [jobId]);

  const cancel = async () => {
    const { data, error: problem, response } = await full(generation.POST('/api/v1/generation/personal/jobs/{id}/cancel', { params: { path: { id: jobId } } }));
    if (data) setJob(data);
    else setError(messageOf(problem, response));
  };
  const practise = async () => {
    const started = await startPractice(job?.materialIds?.length === 1 ? job.materialIds[0] : undefined);
    if ('error' in started) setError(started.error);
    else navigate(`/reviews/${started.id}`);
  };

  const outcomes = (job?.outcomes ?? []) as unknown as Outcome[];
  return (
    <Page title={job ? `Questions on ${job.topic}` : 'Writing questions'}>
      <p className="muted"><Link to="/my-questions">My questions</Link>{job && <> · {count(job.requested, 'question')}, difficulty {job.difficulty}</>}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {job && (
        <JobProgress job={job} names={{ written: 'Written', kept: 'Kept', rejected: 'Failed the checks', duplicates: 'Already in your set' }}
          cancelLabel="Cancel" onCancel={() => void cancel()}
          status={job.state === 'queued' ? 'Waiting for its turn…' : job.state === 'running' ? 'Reading your material and writing…'
            : job.state === 'failed' ? `Failed: ${job.error}` : job.state === 'cancelled' ? 'Cancelled: nothing it wrote was kept.'
              : `Done: ${count(job.valid, 'new question')} in your set.`}>
          {job.state === 'succeeded' && (
            <div className="toolbar">
              {job.valid > 0 && <button type="button" className="button" onClick={() => void practise()}>Practise now</button>}
              <Link className="button secondary" to={`/my-questions${job.materialIds?.length === 1 ? `?material=${job.materialIds[0]}` : ''}`}>See them in my set</Link>
            </div>
          )}
        </JobProgress>
      )}
      {job?.state === 'succeeded' && outcomes.some((o) => o.outcome !== 'accepted') && (
        <section className="panel" aria-labelledby="left-out-title">
          <h2 id="left-out-title">Left out</h2>
          <ul className="small">
            {outcomes.filter((o) => o.outcome !== 'accepted').map((o) => (
              <li key={o.index}>Question {o.index + 1}: {o.outcome === 'duplicate' ? 'you already have it' : `it failed the checks (${(o.reasons ?? []).join('; ')})`}</li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
