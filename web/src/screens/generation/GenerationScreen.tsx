import { useState } from 'react';
import { Link } from 'react-router';
import { full, generation } from '../../api/client';
import { count, shortMoment } from '../../components/format';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { JobForm } from './JobForm';
import { Materials } from './Materials';

/** Item generation: the source materials, a new job, and the jobs so far. */
export function GenerationScreen() {
  const [materialIds, setMaterialIds] = useState<string[]>([]);
  const jobs = useApi(() => full(generation.GET('/api/v1/generation/jobs', { params: { query: { limit: 20 } } })));
  return (
    <Page title="Generate items" wide>
      <p className="muted">A language model writes NBME-style drafts from your materials; each is checked, compared with the bank, and waits for your review.</p>
      <div className="generation">
        <Materials selected={materialIds} onSelect={setMaterialIds} />
        <div className="generation-side">
          <JobForm materialIds={materialIds} />
          <section className="panel" aria-labelledby="jobs-title">
            <h2 id="jobs-title">Recent jobs</h2>
            {jobs.state === 'failed' && <p className="error">{jobs.message}</p>}
            {jobs.state === 'done' && (jobs.value.length === 0 ? <p className="muted small">No job yet.</p> : (
              <ul className="jobs">
                {jobs.value.map((j) => (
                  <li key={j.id}>
                    <Link to={`/generate/jobs/${j.id}`}>{j.topic}{j.subtopic ? ` · ${j.subtopic}` : ''}</Link>
                    <span className={`job-state job-${j.state}`}>{j.state}</span>
                    <span className="small muted">{shortMoment(j.createdAt)} · {count(j.valid, 'draft')} of {j.requested}</span>
                  </li>
                ))}
              </ul>
            ))}
          </section>
        </div>
      </div>
    </Page>
  );
}
