import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { CallbackScreen } from './screens/callback/CallbackScreen';
import { HomeScreen } from './screens/home/HomeScreen';
import { WelcomeScreen } from './screens/welcome/WelcomeScreen';

// each screen's script is loaded when it is first opened: the start page ships only its own
const BuilderScreen = lazy(() => import('./screens/builder/BuilderScreen').then((m) => ({ default: m.BuilderScreen })));
const DashboardScreen = lazy(() => import('./screens/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const ResultsScreen = lazy(() => import('./screens/results/ResultsScreen').then((m) => ({ default: m.ResultsScreen })));
const ReviewsScreen = lazy(() => import('./screens/reviews/ReviewsScreen').then((m) => ({ default: m.ReviewsScreen })));
const ReviewSessionScreen = lazy(() => import('./screens/reviews/ReviewSessionScreen').then((m) => ({ default: m.ReviewSessionScreen })));
const TestsScreen = lazy(() => import('./screens/tests/TestsScreen').then((m) => ({ default: m.TestsScreen })));
const ItemsScreen = lazy(() => import('./screens/items/ItemsScreen').then((m) => ({ default: m.ItemsScreen })));
const ItemScreen = lazy(() => import('./screens/item/ItemScreen').then((m) => ({ default: m.ItemScreen })));
const EditorScreen = lazy(() => import('./screens/editor/EditorScreen').then((m) => ({ default: m.EditorScreen })));
const CompareScreen = lazy(() => import('./screens/versions/CompareScreen').then((m) => ({ default: m.CompareScreen })));
const QueueScreen = lazy(() => import('./screens/queue/QueueScreen').then((m) => ({ default: m.QueueScreen })));
const GenerationScreen = lazy(() => import('./screens/generation/GenerationScreen').then((m) => ({ default: m.GenerationScreen })));
const JobScreen = lazy(() => import('./screens/generation/JobScreen').then((m) => ({ default: m.JobScreen })));
const ItemAnalysisScreen = lazy(() => import('./screens/analytics/ItemAnalysisScreen').then((m) => ({ default: m.ItemAnalysisScreen })));
const ItemStatsScreen = lazy(() => import('./screens/analytics/ItemStatsScreen').then((m) => ({ default: m.ItemStatsScreen })));
const FormsScreen = lazy(() => import('./screens/analytics/FormsScreen').then((m) => ({ default: m.FormsScreen })));
const CohortsScreen = lazy(() => import('./screens/analytics/CohortsScreen').then((m) => ({ default: m.CohortsScreen })));
const JobsScreen = lazy(() => import('./screens/analytics/JobsScreen').then((m) => ({ default: m.JobsScreen })));
const AdminScreen = lazy(() => import('./screens/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));
const StudySetScreen = lazy(() => import('./screens/studyset/StudySetScreen').then((m) => ({ default: m.StudySetScreen })));
const PersonalJobScreen = lazy(() => import('./screens/studyset/PersonalJobScreen').then((m) => ({ default: m.PersonalJobScreen })));
const TestScreen = lazy(() => import('./screens/test/TestScreen').then((m) => ({ default: m.TestScreen })));

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
    <Suspense fallback={null}>
      <Routes>
        <Route path="/dashboard" element={<DashboardScreen />} />
        <Route path="/tests" element={<TestsScreen />} />
        <Route path="/tests/new" element={<BuilderScreen />} />
        <Route path="/tests/:quizId" element={<TestScreen />} />
        <Route path="/tests/:quizId/results" element={<ResultsScreen />} />
        <Route path="/reviews" element={<ReviewsScreen />} />
        <Route path="/reviews/:sessionId" element={<ReviewSessionScreen />} />
        <Route path="/my-questions" element={<StudySetScreen />} />
        <Route path="/my-questions/jobs/:jobId" element={<PersonalJobScreen />} />
        <Route path="/items" element={<ItemsScreen />} />
        <Route path="/items/new" element={<EditorScreen />} />
        <Route path="/items/:itemId" element={<ItemScreen />} />
        <Route path="/items/:itemId/edit" element={<EditorScreen />} />
        <Route path="/items/:itemId/compare" element={<CompareScreen />} />
        <Route path="/review-queue" element={<QueueScreen />} />
        <Route path="/generate" element={<GenerationScreen />} />
        <Route path="/generate/jobs/:jobId" element={<JobScreen />} />
        <Route path="/analytics" element={<ItemAnalysisScreen />} />
        <Route path="/analytics/items/:itemId/versions/:version" element={<ItemStatsScreen />} />
        <Route path="/analytics/forms" element={<FormsScreen />} />
        <Route path="/analytics/cohorts" element={<CohortsScreen />} />
        <Route path="/analytics/jobs" element={<JobsScreen />} />
        <Route path="/admin" element={<AdminScreen />} />
        <Route path="*" element={<HomeScreen />} />
      </Routes>
    </Suspense>
  );
}
