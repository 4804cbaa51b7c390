import { TimesheetPage } from '@/components/timesheet/TimesheetPage';

/** The timesheet page (opened from the popup and from settings). */
export function App() {
  return <TimesheetPage />;
}
