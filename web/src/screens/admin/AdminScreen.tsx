import { useState } from 'react';
import { analytics, authoring, full } from '../../api/client';
import { Page } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { useApi } from '../../components/useApi';
import { NewUser } from './NewUser';
import { PassingStandard } from './PassingStandard';
import { UsersTable } from './UsersTable';

const PAGE_SIZE = 25;

/** The tenant's administration: its users, their roles and cohorts, and the passing standard of its exams. */
export function AdminScreen() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [added, setAdded] = useState(0);
  const [assigned, setAssigned] = useState(0);
  const users = useApi(() => full(authoring.GET('/api/v1/authoring/users', { params: { query: { search: query || undefined, page, size: PAGE_SIZE } } })), [query, page, added]);
  const cohorts = useApi(() => full(analytics.GET('/api/v1/analytics/cohorts/members')), [assigned]);
  return (
    <Page title="Administration" wide>
      <section className="panel" aria-labelledby="users-title">
        <div className="panel-head">
          <h2 id="users-title">Users</h2>
          <form role="search" className="search-bar compact-search" onSubmit={(e) => { e.preventDefault(); setPage(0); setQuery(search.trim()); }}>
            <label htmlFor="user-search" className="visually-hidden">Find a user</label>
            <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, username or e-mail" />
            <button type="submit" className="button secondary small-button">Find</button>
          </form>
        </div>
        {users.state === 'failed' && <p className="error" role="alert">{users.message}</p>}
        {users.state === 'loading' && <p className="muted">Loading…</p>}
        {users.state === 'done' && (
          <>
            <UsersTable users={users.value.users} cohorts={cohorts.state === 'done' ? cohorts.value : []} onCohortChanged={() => setAssigned((n) => n + 1)} />
            <Pager page={page} hasNext={users.value.hasNext} onPage={setPage} />
          </>
        )}
        <NewUser onCreated={() => setAdded((n) => n + 1)} />
      </section>
      <PassingStandard />
    </Page>
  );
}
