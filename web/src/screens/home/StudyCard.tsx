import { Link } from 'react-router';
import { reviews } from '../../api/client';
import { Card } from '../../components/Card';
import { useApi } from '../../components/useApi';

export function StudyCard() {
  const profile = useApi(() => reviews.GET('/api/v1/reviews/profile'));
  const due = useApi(() => reviews.GET('/api/v1/reviews/due'));
  return (
    <Card title="Your study" loaded={profile} action={<><Link className="button" to="/tests/new">Build a test</Link> <Link className="button secondary" to="/reviews">Reviews</Link>{' '}
      <Link className="button secondary" to="/dashboard">Your dashboard</Link></>}>
      {(p) => (
        <dl className="figures">
          <div>
            <dt>Level</dt>
            <dd data-testid="level">{p.level}</dd>
          </div>
          <div>
            <dt>XP</dt>
            <dd>
              {p.xp} <span className="muted small">/ {p.nextLevelAtXp}</span>
            </dd>
          </div>
          <div>
            <dt>Streak</dt>
            <dd>{p.currentStreak} d</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>{due.state === 'done' ? (due.value.items?.length ?? 0) : '…'}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
