import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { full, generation, messageOf, type Full } from '../../api/client';
import type { components } from '../../api/generated/generation';
import { count } from '../../components/format';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { DraftReview, type Outcome } from './DraftReview';
import { follow } from './events';
import { JobProgress } from './JobProgress';

export type Job = Full<components['schemas']['GenerationJob']>;

/** A generation job live: its progress as it happens (cancel while it runs), then each draft to accept or discard. */
export function JobScreen() {
  const { jobId = '' } = useParams();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    void generation.GET('/api/v1/generation/jobs/{id}/events', { params: { path: { id: jobId } }, parseAs: 'stream', signal: stop.signal })
      .then(async ({ response, error: problem }) => {
        if (!response.ok) return setError(messageOf(problem, response));
        await follow<Job>(response, setJob);
      })
      .catch((e: unknown) => { if (!stop.signal.aborted) setError(e instanceof Error ? e.message : String(e)); });
    return () => stop.abort();
  }, [jobId]);

  const cancel = async () => {
    const { data, error: problem, response } = await full(generation.POST('/api/v1/generation/jobs/{id}/cancel', { params: { path: { id: jobId } } }));
    if (data) setJob(data);
    else setError(messageOf(problem, response));
  };

  const title = job ? `${job.topic}${job.subtopic ? ` · ${job.subtopic}` : ''}` : 'Generation job';
  return (
    <Page title={title} wide>
      <p className="muted"><Link to="/generate">All jobs</Link>{job && <> · {count(job.requested, 'item')} for {job.examCode}, difficulty {job.difficulty}, student level {job.studentLevel}</>}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {job && (
        <JobProgress job={job} names={{ written: 'Written', kept: 'Drafts', rejected: 'Rejected', duplicates: 'Duplicates' }}
          cancelLabel="Cancel the job" onCancel={() => void cancel()}
          status={job.state === 'queued' ? 'Waiting for its turn…' : job.state === 'running' ? `Writing with ${job.model ?? 'the model'}…`
            : job.state === 'failed' ? `Failed: ${job.error}` : job.state === 'cancelled' ? 'Cancelled: nothing it wrote was kept.'
              : `Done${job.model ? ` by ${job.model}` : ''}${job.promptVersion ? `, prompt ${job.promptVersion}` : ''}.`} />
      )}
      {job?.state === 'succeeded' && <Outcomes job={job} />}
    </Page>
  );
}

function Outcomes({ job }: { job: Job }) {
  const sources = useApi(() => full(generation.GET('/api/v1/generation/jobs/{id}/sources', { params: { path: { id: job.id } } })), [job.id]);
  const outcomes = job.outcomes as unknown as Outcome[];
  const passages = sources.state === 'done' ? sources.value : [];
  return (
    <section aria-labelledby="drafts-title">
      <h2 id="drafts-title" className="section-title">What the model wrote</h2>
      {outcomes.length === 0 && <p className="muted">The model wrote nothing usable.</p>}
      <ol className="outcomes">
        {outcomes.map((o) => <DraftReview key={o.index} outcome={o} passages={passages} />)}
      </ol>
    </section>
  );
}
