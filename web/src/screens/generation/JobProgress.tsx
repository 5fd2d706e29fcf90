import type { ReactNode } from 'react';
import type { Job } from './JobScreen';

const FINISHED = ['succeeded', 'failed', 'cancelled'];

export function finished(job: Job): boolean {
  return FINISHED.includes(job.state);
}

/**
 * A generation job's progress as it happens: its state, a bar, what became of what the model wrote (named for the
 * reader: an author's drafts, a learner's questions), a sentence on where it stands, and Cancel while it runs.
 */
export function JobProgress({ job, names, status, cancelLabel, onCancel, children }: {
  job: Job;
  names: { written: string; kept: string; rejected: string; duplicates: string };
  status: string;
  cancelLabel: string;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const done = finished(job);
  return (
    <section className="panel job-progress" aria-labelledby="progress-title" aria-busy={!done}>
      <div className="panel-head">
        <h2 id="progress-title">Progress</h2>
        <span className={`job-state job-${job.state}`} data-testid="job-state">{job.state}</span>
      </div>
      <progress max={job.requested} value={done ? job.requested : job.generated} aria-label={names.written} />
      <dl className="figures">
        <div><dt>{names.written}</dt><dd data-testid="generated">{job.generated}</dd></div>
        <div><dt>{names.kept}</dt><dd data-testid="valid">{job.valid}</dd></div>
        <div><dt>{names.rejected}</dt><dd>{job.rejected}</dd></div>
        <div><dt>{names.duplicates}</dt><dd>{job.duplicates}</dd></div>
      </dl>
      <p className="small muted" role="status">{status}</p>
      {!done && <button type="button" className="button danger small-button" onClick={onCancel}>{cancelLabel}</button>}
      {children}
    </section>
  );
}
