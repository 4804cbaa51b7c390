export interface FirstRunProps {
  readonly onConnect: () => void;
  /** Present only in builds that ship with the demo sandbox (`npm run demo`). */
  readonly demoUrl: string | null;
}

/** Nothing connected and nothing tracked yet: the two ways to begin, instead of empty lists. */
export function FirstRun({ onConnect, demoUrl }: FirstRunProps) {
  return (
    <section className="card first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">Welcome to Stint</h2>
      <p>Open any GitHub, GitLab or Jira issue and press ▶ Start beside its title: Stint times it, no account needed.</p>
      <p>Connect a provider to see budgets, your team’s time and to write your time back as worklogs, timelogs or comments.</p>
      <div className="actions">
        <button type="button" onClick={onConnect}>Connect GitHub, GitLab or Jira</button>
        {demoUrl ? (
          <a href={demoUrl} target="_blank" rel="noreferrer">Open the demo project</a>
        ) : null}
      </div>
    </section>
  );
}
