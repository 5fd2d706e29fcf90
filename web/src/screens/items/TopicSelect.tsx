import type { Loaded } from '../../components/useApi';
import { indentedName, type Topic } from './topics';

/** A select of the tenant's topics, indented as the tree is; `empty` names the choice of none. */
export function TopicSelect({ id, topics, value, onChange, empty, required }: {
  id: string; topics: Loaded<Topic[]>; value: string; onChange: (topicId: string) => void; empty: string; required?: boolean;
}) {
  return (
    <select id={id} value={value} required={required} onChange={(e) => onChange(e.target.value)} disabled={topics.state !== 'done'}>
      <option value="">{topics.state === 'done' ? empty : topics.state === 'loading' ? 'Loading topics…' : 'Topics could not be loaded'}</option>
      {topics.state === 'done' && topics.value.map((t) => <option key={t.id} value={t.id}>{indentedName(t)}</option>)}
    </select>
  );
}
