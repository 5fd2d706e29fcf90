import { useEffect, useState } from 'react';
import { analytics, authoring, full, messageOf, type Full } from '../../api/client';
import type { components } from '../../api/generated/authoring';
import type { components as AnalyticsComponents } from '../../api/generated/analytics';
import { useAuth } from '../../auth/AuthContext';
import { ROLES, type Role } from '../../auth/claims';

type User = Full<components['schemas']['TenantUser']>;
type Member = Full<AnalyticsComponents['schemas']['CohortMember']>;

/** The users with their roles, whether they may sign in, and their cohort, each changed on the spot. */
export function UsersTable({ users, cohorts, onCohortChanged }: { users: User[]; cohorts: Member[]; onCohortChanged: () => void }) {
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const report = (text: string, error = false) => setMessage({ text, error });
  if (!users.length) return <p className="muted">No user matches.</p>;
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Users">
        <table className="table users-table" data-testid="users">
          <thead><tr><th scope="col">User</th><th scope="col">Roles</th><th scope="col">Cohort</th><th scope="col">Signs in</th></tr></thead>
          <tbody>
            {users.map((u) => <UserRow key={u.id} user={u} cohort={cohorts.find((c) => c.userId === u.id)?.cohort ?? ''} report={report} onCohortChanged={onCohortChanged} />)}
          </tbody>
        </table>
      </div>
      {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </>
  );
}

function UserRow({ user, cohort, report, onCohortChanged }: { user: User; cohort: string; report: (text: string, error?: boolean) => void; onCohortChanged: () => void }) {
  const { identity } = useAuth();
  const [roles, setRoles] = useState<Role[]>(user.roles as Role[]);
  const [group, setGroup] = useState(cohort);
  const [enabled, setEnabled] = useState(user.enabled);
  useEffect(() => setGroup(cohort), [cohort]); // the cohorts arrive after the users
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;

  const saveRoles = async (next: Role[]) => {
    setRoles(next);
    const { data, error, response } = await full(authoring.PUT('/api/v1/authoring/users/{userId}/roles', { params: { path: { userId: user.id } }, body: { roles: next } }));
    if (!data) {
      setRoles(user.roles as Role[]);
      return report(`${name}: ${messageOf(error, response)}`, true);
    }
    report(`${name} is now ${next.length ? next.join(', ') : 'without a role'}.`);
  };
  const saveEnabled = async (next: boolean) => {
    setEnabled(next);
    const { data, error, response } = await full(authoring.PUT('/api/v1/authoring/users/{userId}/enabled', { params: { path: { userId: user.id } }, body: { enabled: next } }));
    if (!data) {
      setEnabled(!next);
      return report(`${name}: ${messageOf(error, response)}`, true);
    }
    report(next ? `${name} may sign in again.` : `${name} is disabled: their sessions have ended.`);
  };
  const saveCohort = async () => {
    const next = group.trim();
    if (next === cohort) return;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(next)) return report('A cohort name is letters, digits, ".", "-" or "_", e.g. class-2027.', true);
    const { data, error, response } = await full(analytics.PUT('/api/v1/analytics/cohorts/{cohort}/members', { params: { path: { cohort: next } }, body: { userIds: [user.id] } }));
    if (!data) return report(`${name}: ${messageOf(error, response)}`, true);
    report(`${name} is in ${next} from now on.`);
    onCohortChanged();
  };

  return (
    <tr className={enabled ? '' : 'disabled'}>
      <th scope="row">
        <span className="user-name">{name}</span>
        <span className="small muted">{user.username}{user.email ? ` · ${user.email}` : ''}{user.id === identity?.userId ? ' · you' : ''}</span>
      </th>
      <td>
        <div className="role-choices" role="group" aria-label={`Roles of ${name}`}>
          {ROLES.map((r) => (
            <label key={r} className="check-inline small">
              <input type="checkbox" checked={roles.includes(r)} onChange={(e) => void saveRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                disabled={r === 'admin' && user.id === identity?.userId} title={r === 'admin' && user.id === identity?.userId ? 'An admin cannot take their own admin role' : undefined} /> {r}
            </label>
          ))}
        </div>
      </td>
      <td>
        {roles.includes('student') ? (
          <input className="cohort-input" aria-label={`Cohort of ${name}`} value={group} placeholder="unassigned" onChange={(e) => setGroup(e.target.value)}
            onBlur={() => void saveCohort()} onKeyDown={(e) => { if (e.key === 'Enter') void saveCohort(); }} />
        ) : <span className="muted small">–</span>}
      </td>
      <td>
        <label className="check-inline small">
          <input type="checkbox" checked={enabled} onChange={(e) => void saveEnabled(e.target.checked)} aria-label={`${name} may sign in`} /> {enabled ? 'yes' : 'disabled'}
        </label>
      </td>
    </tr>
  );
}
