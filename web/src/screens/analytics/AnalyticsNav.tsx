import { NavLink } from 'react-router';

/** The parts of item analytics, one screen each. */
export function AnalyticsNav() {
  return (
    <nav className="tabs sub-nav" aria-label="Analytics">
      <NavLink to="/analytics" end className="tab">Items</NavLink>
      <NavLink to="/analytics/forms" className="tab">Test forms</NavLink>
      <NavLink to="/analytics/cohorts" className="tab">Cohorts, mastery, retention</NavLink>
      <NavLink to="/analytics/jobs" className="tab">Calibration jobs</NavLink>
    </nav>
  );
}
