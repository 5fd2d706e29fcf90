import { useEffect, useState } from 'react';

/** The time left until the test expires, mm:ss; calls onZero once when it runs out. */
export function Countdown({ until, onZero }: { until: string; onZero: () => void }) {
  const end = Date.parse(until);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.round((end - now) / 1000));
  useEffect(() => {
    if (left === 0) onZero();
  }, [left, onZero]);
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <span className={`countdown ${left < 60 ? 'low' : ''}`} role="timer" aria-label={`Time left ${text}`} data-testid="countdown">
      <span className="muted small">Time left</span> {text}
    </span>
  );
}
