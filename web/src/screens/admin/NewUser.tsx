import { useState } from 'react';
import { authoring, full, messageOf } from '../../api/client';
import { ROLES, type Role } from '../../auth/claims';

/** A new user of the tenant, with a first password they change at their first sign-in. */
export function NewUser({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['student']);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const create = async () => {
    setMessage(null);
    if (!roles.length) return setMessage({ text: 'Give the user at least one role.', error: true });
    const { data, error, response } = await full(authoring.POST('/api/v1/authoring/users', {
      body: { username: username.trim(), firstName: firstName.trim() || undefined, lastName: lastName.trim() || undefined,
        email: email.trim() || undefined, roles, password, temporaryPassword: true },
    }));
    if (!data) return setMessage({ text: messageOf(error, response), error: true });
    setMessage({ text: `${data.username} can sign in now, and will choose their own password.` });
    setUsername(''); setFirstName(''); setLastName(''); setEmail(''); setPassword('');
    onCreated();
  };

  return (
    <details className="upload new-user">
      <summary>Add a user</summary>
      <form aria-label="New user" onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <div className="field-row">
          <label className="field"><span>Username</span><input value={username} required minLength={3} maxLength={64} onChange={(e) => setUsername(e.target.value.toLowerCase())} placeholder="jordan.lee" /></label>
          <label className="field"><span>First name</span><input value={firstName} maxLength={100} onChange={(e) => setFirstName(e.target.value)} /></label>
          <label className="field"><span>Last name</span><input value={lastName} maxLength={100} onChange={(e) => setLastName(e.target.value)} /></label>
        </div>
        <div className="field-row">
          <label className="field"><span>E-mail</span><input type="email" value={email} maxLength={254} onChange={(e) => setEmail(e.target.value)} /></label>
          <label className="field"><span>First password (12 or more characters)</span><input type="password" value={password} required minLength={12} maxLength={128} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} /></label>
          <fieldset className="field role-field">
            <legend>Roles</legend>
            <div className="role-choices">
              {ROLES.map((r) => (
                <label key={r} className="check-inline small">
                  <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} /> {r}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="button small-button">Add the user</button>
        {message && <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      </form>
    </details>
  );
}
