import { useState } from 'react';
import { useAuth } from '../../auth/AuthContext';
import { Field } from '../../components/Field';
import type { Loaded } from '../../components/useApi';
import { FILTERS, type Filter, type Filters } from './filters';
import { TopicSelect } from './TopicSelect';
import type { Topic } from './topics';

/** Every filter of the item list but the words; each applies at once (text ones on Enter or leaving the field). */
export function Filters({ filters, topics, onChange, open }: { filters: Filters; topics: Loaded<Topic[]>; onChange: (f: Filters) => void; open: boolean }) {
  const { identity } = useAuth();
  const choice = (name: Filter, label: string, options: [string, string][]) => (
    <Field label={label}>
      {(id) => (
        <select id={id} value={filters[name] ?? ''} onChange={(e) => onChange({ [name]: e.target.value })}>
          {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      )}
    </Field>
  );
  return (
    <form id="filters" className={`filters panel ${open ? 'open' : ''}`} aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Field label="Topic (and below it)">
        {(id) => <TopicSelect id={id} topics={topics} value={filters.topicId ?? ''} onChange={(topicId) => onChange({ topicId })} empty="Any topic" />}
      </Field>
      {choice('state', 'State', [['', 'Any state'], ['draft', 'Draft'], ['in_review', 'In review'], ['approved', 'Approved'], ['published', 'Published'], ['retired', 'Retired'], ['discarded', 'Discarded']])}
      {choice('difficulty', 'Difficulty', [['', 'Any difficulty'], ['easy', 'Easy'], ['medium', 'Medium'], ['hard', 'Hard'], ['nbme', 'NBME']])}
      {choice('author', 'Written by', [['', 'Anyone'], [identity?.userId ?? '', 'Me']])}
      {choice('provenance', 'Written how', [['', 'By people or generated'], ['human', 'By people'], ['generated', 'Generated']])}
      {choice('flagged', 'Flags', [['', 'With or without'], ['true', 'With open flags'], ['false', 'Without open flags']])}
      <TextFilter key={`tag:${filters.tag ?? ''}`} name="tag" label="Tag" value={filters.tag} onChange={onChange} placeholder="cardiology" maxLength={40} />
      <TextFilter key={`exam:${filters.examCode ?? ''}`} name="examCode" label="Live in exam code" value={filters.examCode} onChange={onChange} placeholder="STEP1" maxLength={32} upper />
      {choice('sort', 'Order', [['', 'Latest change first'], ['created', 'Newest first'], ...(filters.q ? [['relevance', 'Best match first'] as [string, string]] : [])])}
      {Object.keys(filters).length > 0 && (
        <button type="button" className="link-button" onClick={() => onChange(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>
          Clear every filter
        </button>
      )}
    </form>
  );
}

/** A text filter applied when the user leaves the field or presses Enter. */
function TextFilter({ name, label, value, onChange, placeholder, maxLength, upper }: {
  name: Filter; label: string; value?: string; onChange: (f: Filters) => void; placeholder: string; maxLength: number; upper?: boolean;
}) {
  const [text, setText] = useState(value ?? '');
  const apply = () => text.trim() !== (value ?? '') && onChange({ [name]: text.trim() });
  return (
    <label className="field">
      <span>{label}</span>
      <input value={text} placeholder={placeholder} maxLength={maxLength}
        onChange={(e) => setText(upper ? e.target.value.toUpperCase() : e.target.value)} onBlur={apply}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } }} />
    </label>
  );
}
