import { Route, Routes } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { CallbackScreen } from './screens/callback/CallbackScreen';
import { HomeScreen } from './screens/home/HomeScreen';
import { WelcomeScreen } from './screens/welcome/WelcomeScreen';

export function App() {
  const { identity } = useAuth();
  return (
    <Routes>
      <Route path="/auth/callback" element={<CallbackScreen />} />
      <Route path="*" element={identity === undefined ? null : identity ? <HomeScreen /> : <WelcomeScreen />} />
    </Routes>
  );
}
