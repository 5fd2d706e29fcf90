import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { App } from './App';
import { applyDisplay, loadDisplay } from './components/display';
import './styles.css';

// before the first paint: no flash of the wrong contrast or text size
applyDisplay(loadDisplay(), document.documentElement, null);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </AuthProvider>
  </StrictMode>,
);
