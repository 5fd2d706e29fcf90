import { Field } from '../../components/Field';

const DIFFICULTIES: [number, string][] = [[1, 'Recall'], [2, 'Comprehension'], [3, 'Application'], [4, 'Analysis'], [5, 'NBME integration']];

export interface JobShapeProps {
  difficulty: number;
  onDifficulty: (d: number) => void;
  level: number;
  onLevel: (l: number) => void;
  /** the level's label, and what its lowest and highest mean to the reader */
  levelLabel: string;
  levelEnds: [string, string];
  count: number;
  onCount: (n: number) => void;
  countLabel: string;
  maxCount: number;
}

/** How hard, for whom and how many: the row of a generation form, for an author's drafts or a learner's own questions. */
export function JobShape({ difficulty, onDifficulty, level, onLevel, levelLabel, levelEnds, count, onCount, countLabel, maxCount }: JobShapeProps) {
  return (
    <div className="field-row">
      <Field label="Difficulty">
        {(id) => (
          <select id={id} value={difficulty} onChange={(e) => onDifficulty(Number(e.target.value))}>
            {DIFFICULTIES.map(([n, name]) => <option key={n} value={n}>{n} · {name}</option>)}
          </select>
        )}
      </Field>
      <Field label={levelLabel}>
        {(id) => (
          <select id={id} value={level} onChange={(e) => onLevel(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}{n === 1 ? ` · ${levelEnds[0]}` : n === 5 ? ` · ${levelEnds[1]}` : ''}</option>)}
          </select>
        )}
      </Field>
      <label className="field"><span>{countLabel}</span>
        <input type="number" min={1} max={maxCount} value={count} onChange={(e) => onCount(Math.min(maxCount, Math.max(1, Number(e.target.value) || 1)))} />
      </label>
    </div>
  );
}
