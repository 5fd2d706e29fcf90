import { Route, Routes } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { BuilderScreen } from './screens/builder/BuilderScreen';
import { CallbackScreen } from './screens/callback/CallbackScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { HomeScreen } from './screens/home/HomeScreen';
import { ResultsScreen } from './screens/results/ResultsScreen';
import { TestScreen } from './screens/test/TestScreen';
import { WelcomeScreen } from './screens/welcome/WelcomeScreen';

export function App() {
  const { identity, signIn } = useAuth();
  if (window.location.pathname === '/auth/callback') {
    return <Routes><Route path="/auth/callback" element={<CallbackScreen />} /></Routes>;
  }
  if (identity === undefined) return null;
  if (!identity) {
    // a deep link signs in first and comes back to it
    if (window.location.pathname !== '/') void signIn(window.location.pathname);
    return <WelcomeScreen />;
  }
  return (
    <Routes>
      <Route path="/dashboard" element={<DashboardScreen />} />
      <Route path="/tests/new" element={<BuilderScreen />} />
      <Route path="/tests/:quizId" element={<TestScreen />} />
      <Route path="/tests/:quizId/results" element={<ResultsScreen />} />
      <Route path="*" element={<HomeScreen />} />
    </Routes>
  );
}
