import { useState } from 'react';
import { analytics, full, messageOf } from '../../api/client';

/** The passing ability and pace of an exam code, which students' readiness band and pace are shown against. */
export function PassingStandard() {
  const [examCode, setExamCode] = useState('');
  const [loaded, setLoaded] = useState<string | null>(null);
  const [theta, setTheta] = useState('0');
  const [seconds, setSeconds] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const load = async () => {
    const code = examCode.trim();
    if (!code) return;
    setMessage(null);
    const { data, response } = await full(analytics.GET('/api/v1/analytics/standards/{examCode}', { params: { path: { examCode: code } } }));
    setLoaded(code);
    if (data) {
      setTheta(String(data.passingTheta));
      setSeconds(data.secondsPerItem == null ? '' : String(data.secondsPerItem));
    } else {
      setTheta('0');
      setSeconds('');
      setMessage(response.status === 404 ? { text: `${code} has no standard yet: set one.` } : { text: `The standard could not be read (${response.status}).`, error: true });
    }
  };
  const save = async () => {
    if (!loaded) return;
    const { data, error, response } = await full(analytics.PUT('/api/v1/analytics/standards/{examCode}', {
      params: { path: { examCode: loaded } }, body: { passingTheta: Number(theta), secondsPerItem: seconds ? Number(seconds) : undefined },
    }));
    if (!data) return setMessage({ text: messageOf(error, response), error: true });
    setMessage({ text: `Saved: ${loaded} passes at θ ${data.passingTheta.toFixed(2)}, ${data.secondsPerItem ?? 'the default'} seconds per item.` });
  };

  return (
    <section className="panel" aria-labelledby="standard-title">
      <h2 id="standard-title">Passing standard</h2>
      <p className="small muted">Students' readiness band shows this line; their time per item is compared with this pace.</p>
      <form className="toolbar filters-row" aria-label="Choose the exam" onSubmit={(e) => { e.preventDefault(); void load(); }}>
        <label className="field inline-field"><span>Exam code</span><input value={examCode} onChange={(e) => setExamCode(e.target.value.toUpperCase())} placeholder="STEP1" /></label>
        <button type="submit" className="button secondary small-button">Open</button>
      </form>
      {loaded && (
        <form className="standard-form" aria-label={`Standard of ${loaded}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <div className="field-row">
            <label className="field"><span>Passing ability θ (−3 to 3)</span><input type="number" step="0.05" min={-3} max={3} value={theta} required onChange={(e) => setTheta(e.target.value)} /></label>
            <label className="field"><span>Seconds per item (10–900; empty: the default)</span><input type="number" min={10} max={900} value={seconds} onChange={(e) => setSeconds(e.target.value)} /></label>
          </div>
          <button type="submit" className="button small-button">Save the standard of {loaded}</button>
        </form>
      )}
      {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
