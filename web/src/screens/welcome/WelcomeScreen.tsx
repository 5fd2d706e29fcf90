import { useAuth } from '../../auth/AuthContext';
import { Brand } from '../../components/Brand';
import { DisplayMenu } from '../../components/DisplayMenu';

/** The front page for someone not signed in. */
export function WelcomeScreen() {
  const { signIn } = useAuth();
  return (
    <main className="welcome">
      <div className="corner"><DisplayMenu /></div>
      <div className="welcome-panel">
        <Brand />
        <h1>Practise like it is exam day.</h1>
        <p className="lead">
          Question banks for USMLE-style exams: adaptive and timed tests, explanations when the rules allow them, and reviews
          scheduled from every answer. Authors, publishers and institutions keep their items here too.
        </p>
        <button type="button" className="button large" onClick={() => void signIn('/')}>
          Sign in
        </button>
        <p className="muted small">Your institution gives you your account.</p>
      </div>
    </main>
  );
}
