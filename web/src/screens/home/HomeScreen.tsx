import { useAuth } from '../../auth/AuthContext';
import { Header } from '../../components/Header';
import { StudyCard } from './StudyCard';
import { LatestItemsCard } from './LatestItemsCard';
import { ReviewQueueCard } from './ReviewQueueCard';
import { UsersCard } from './UsersCard';

const ROLE_NAMES = { student: 'Student', author: 'Author', publisher: 'Publisher', admin: 'Admin' } as const;

/** The signed-in start page: who you are, and a card of what is waiting for each of your roles. */
export function HomeScreen() {
  const { identity } = useAuth();
  if (!identity) return null;
  const has = (role: keyof typeof ROLE_NAMES) => identity.roles.includes(role);
  return (
    <>
      <Header />
      <main className="page">
        <h1>Welcome, {identity.name.split(' ')[0]}</h1>
        <p className="muted" data-testid="user-roles">
          {identity.roles.length ? identity.roles.map((r) => ROLE_NAMES[r]).join(' · ') : 'No role yet: ask your admin'}
          {' '}in {identity.tenant}
        </p>
        <div className="cards">
          {has('student') && <StudyCard />}
          {(has('author') || has('admin')) && <LatestItemsCard authorId={has('author') ? identity.userId : undefined} />}
          {(has('publisher') || has('admin')) && <ReviewQueueCard />}
          {has('admin') && <UsersCard />}
        </div>
      </main>
    </>
  );
}
