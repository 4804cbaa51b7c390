import { ReportPage } from '@/components/report/ReportPage';

/** The status report page; `?scope=<key>` opens it on that project or milestone / sprint. */
export function App() {
  const initial = new URL(location.href).searchParams.get('scope');
  const remember = (scope: string) => {
    const url = new URL(location.href);
    url.searchParams.set('scope', scope);
    history.replaceState(null, '', url);
  };
  return <ReportPage initialScope={initial} onScopeChange={remember} />;
}
