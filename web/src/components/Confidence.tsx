const LEVELS = [
  { value: 1, label: 'Guess' },
  { value: 3, label: 'Unsure' },
  { value: 5, label: 'Sure' },
];

/** How sure the student is of an answer (1 guessing … 5 certain): it tells the scheduler a lucky guess from knowledge. */
export function Confidence({ value, onChange }: { value: number | null; onChange: (value: number | null) => void }) {
  return (
    <div className="confidence" role="group" aria-label="How sure are you?">
      <span className="muted small">How sure?</span>
      {LEVELS.map((c) => (
        <button key={c.value} type="button" className={`chip ${value === c.value ? 'on' : ''}`} aria-pressed={value === c.value}
          onClick={() => onChange(value === c.value ? null : c.value)}>{c.label}</button>
      ))}
    </div>
  );
}
