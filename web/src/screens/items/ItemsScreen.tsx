import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { authoring, full, type Full } from '../../api/client';
import type { components } from '../../api/generated/authoring';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { useApi } from '../../components/useApi';
import { Filters } from './Filters';
import { FILTERS, queryOf, type Filters as FilterValues } from './filters';
import { ItemsTable } from './ItemsTable';
import { wantedStems } from './match';
import { useTopics } from './topics';
import { Transfer } from './Transfer';

const PAGE_SIZE = 25;

type ItemPage = Full<components['schemas']['ItemPage']>;

/** The item bank: every filter of the item list, the searched words marked, a page at a time; export and import. */
export function ItemsScreen() {
  const [params, setParams] = useSearchParams();
  const filters: FilterValues = Object.fromEntries(FILTERS.filter((f) => params.get(f)).map((f) => [f, params.get(f)!]));
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const topics = useTopics();
  const key = params.toString();
  const items = useApi(() => full(authoring.GET('/api/v1/authoring/items', {
    params: { query: { ...queryOf(filters), page, size: PAGE_SIZE } as never },
  })), [key]);
  const stems = wantedStems(filters.q ?? '');
  // the last page found stays in view, dimmed, while the next is looked up
  const last = useRef<ItemPage | null>(null);
  if (items.state === 'done') last.current = items.value;
  const shown = items.state === 'failed' ? null : last.current;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = Object.keys(filters).filter((f) => f !== 'q' && f !== 'sort').length;

  const set = (changes: FilterValues & { page?: string }) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <Page title="Items" wide>
      <div className="bank">
        <SearchBar key={filters.q ?? ''} q={filters.q} onSearch={(q) => set({ q, sort: q ? 'relevance' : undefined })}>
          <button type="button" className="button secondary filters-toggle" aria-expanded={filtersOpen} aria-controls="filters" onClick={() => setFiltersOpen(!filtersOpen)}>
            Filters{active ? ` (${active})` : ''}
          </button>
        </SearchBar>
        <Filters filters={filters} topics={topics} onChange={set} open={filtersOpen} />
        <section className="bank-results" aria-busy={items.state === 'loading'} aria-label="Items found">
          <Transfer filters={filters} topics={topics} />
          {items.state === 'failed' && <p className="error" role="alert">{items.message}</p>}
          {shown === null && items.state === 'loading' && <p className="muted">Searching…</p>}
          {shown && (shown.items.length === 0 ? (
            <p className="empty" data-testid={items.state === 'done' ? 'no-items' : undefined}>{page > 0 ? 'No more items.' : 'No item matches these filters.'}</p>
          ) : (
            <div className={items.state === 'loading' ? 'stale' : ''}><ItemsTable items={shown.items} stems={stems} /></div>
          ))}
          {shown && <Pager page={page} hasNext={shown.hasNext} onPage={(p) => set({ page: String(p) })} />}
        </section>
      </div>
    </Page>
  );
}

/** Full-text search: words, "phrases", -exclusions, or. */
function SearchBar({ q, onSearch, children }: { q?: string; onSearch: (q: string) => void; children: React.ReactNode }) {
  const [text, setText] = useState(q ?? '');
  return (
    <form role="search" className="search-bar" onSubmit={(e) => { e.preventDefault(); onSearch(text.trim()); }}>
      <label htmlFor="search" className="visually-hidden">Words in the item</label>
      <input id="search" type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={200}
        placeholder='Words in the item: aortic "chest pain" -syncope' />
      <button type="submit" className="button">Search</button>
      {children}
    </form>
  );
}
