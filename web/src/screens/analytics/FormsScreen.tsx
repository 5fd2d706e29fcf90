import { useState } from 'react';
import { analytics, full } from '../../api/client';
import { Page } from '../../components/Page';
import { useApi } from '../../components/useApi';
import { AnalyticsNav } from './AnalyticsNav';
import { CsvButton } from './CsvButton';
import { fixed } from './format';

/** Reliability (KR-20) of each linear test form two or more students took. */
export function FormsScreen() {
  const [examCode, setExamCode] = useState('');
  const forms = useApi(() => full(analytics.GET('/api/v1/analytics/reliability', { params: { query: { examCode: examCode || undefined } } })), [examCode]);
  return (
    <Page title="Item analytics" wide>
      <AnalyticsNav />
      <p className="muted">A form is the set of items a linear test served. KR-20 says how consistently its items measure the same thing: 0.7 and above is usual for a classroom test, 0.9 for a high-stakes one.</p>
      <div className="toolbar filters-row">
        <label className="field inline-field"><span>Exam code</span>
          <input defaultValue={examCode} placeholder="All exams" onBlur={(e) => setExamCode(e.target.value.trim().toUpperCase())}
            onKeyDown={(e) => e.key === 'Enter' && setExamCode(e.currentTarget.value.trim().toUpperCase())} />
        </label>
        <span className="push-right"><CsvButton path="/api/v1/analytics/reliability" query={{ examCode: examCode || undefined }} name="form-reliability" /></span>
      </div>
      {forms.state === 'failed' && <p className="error" role="alert">{forms.message}</p>}
      {forms.state === 'done' && (forms.value.length === 0 ? <p className="empty">No linear form has been taken by two students yet.</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Form reliability">
          <table className="table" data-testid="forms">
            <thead><tr><th scope="col">Exam</th><th scope="col">Items</th><th scope="col">Students</th><th scope="col">Mean score</th><th scope="col">KR-20</th></tr></thead>
            <tbody>
              {forms.value.map((f) => (
                <tr key={f.formKey}><td>{f.examCode}</td><td className="num">{f.items}</td><td className="num">{f.examinees}</td>
                  <td className="num">{fixed(f.meanScore, 1)}</td><td className="num">{fixed(f.kr20)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </Page>
  );
}
