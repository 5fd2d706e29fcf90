import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { messageOf, reviews } from '../../api/client';

export interface Settings {
  scheduler: 'sm2' | 'fsrs';
  desiredRetention: number;
  timeZone: string;
}

const DEVICE_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

/** The scheduler, FSRS's desired retention and the time zone days follow; saving recomputes every schedule. */
export function SchedulerSettings({ current, onSaved }: { current: Settings; onSaved: () => void }) {
  const [scheduler, setScheduler] = useState(current.scheduler);
  const [retention, setRetention] = useState(Math.round(current.desiredRetention * 100));
  const [timeZone, setTimeZone] = useState(current.timeZone);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = scheduler !== current.scheduler || retention !== Math.round(current.desiredRetention * 100) || timeZone !== current.timeZone;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const { data, error: problem, response } = await reviews.PUT('/api/v1/reviews/profile', {
      body: { scheduler, desiredRetention: retention / 100, timeZone },
    });
    setBusy(false);
    if (!data) return setError(messageOf(problem, response));
    onSaved();
  }

  return (
    <form className="settings" onSubmit={(e) => void save(e)} aria-labelledby="settings-title">
      <h2 id="settings-title">Scheduler</h2>
      <RadioGroup className="choices" value={scheduler} onChange={(v) => setScheduler(v as Settings['scheduler'])}>
        <Label>How reviews are spaced</Label>
        <Radio value="fsrs" className="choice">
          <span><strong>FSRS</strong> <span className="muted small">— models how well you remember each item and brings it back when
            recall would drop to your desired retention</span></span>
        </Radio>
        <Radio value="sm2" className="choice">
          <span><strong>SM-2</strong> <span className="muted small">— the classic SuperMemo rule: each item's interval grows by its
            easiness</span></span>
        </Radio>
      </RadioGroup>
      {scheduler === 'fsrs' && (
        <label className="number">
          <span><strong>Desired retention</strong> <span className="muted small">— higher means more reviews, fewer lapses</span></span>
          <span className="range-row">
            <input type="range" min={70} max={99} step={1} value={retention} onChange={(e) => setRetention(Number(e.target.value))}
              aria-valuetext={`${retention} percent`} />
            <output data-testid="retention">{retention} %</output>
          </span>
        </label>
      )}
      <label className="number">
        <strong>Time zone</strong>
        <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
          {(ZONES.includes(timeZone) ? ZONES : [timeZone, ...ZONES]).map((z) => <option key={z} value={z}>{z.replaceAll('_', ' ')}</option>)}
        </select>
        <span className="muted small">Days, due dates and your streak follow it.
          {timeZone !== DEVICE_ZONE && <> This device is on {DEVICE_ZONE.replaceAll('_', ' ')}: <button type="button" className="link-button"
            onClick={() => setTimeZone(DEVICE_ZONE)}>use it</button>.</>}</span>
      </label>
      <p className="form-actions">
        <button type="submit" className="button" disabled={!changed || busy}>Save</button>
        {error && <span className="error" role="alert">{error}</span>}
      </p>
    </form>
  );
}
