import { t } from '@/lib/i18n';
export interface ProjectPickerProps {
  readonly projects: readonly { key: string; name: string }[];
  readonly current: { key: string; name: string } | null;
  readonly onPick: (projectKey: string) => void;
}

/** The project shown: the tab's by default; any synced one on request. */
export function ProjectPicker({ projects, current, onPick }: ProjectPickerProps) {
  const options = current && !projects.some((p) => p.key === current.key) ? [current, ...projects] : projects;
  if (options.length === 0) return null;
  return (
    <span className="tl-picker">
      <label htmlFor="project-picker">{t('timeline.project')}</label>
      <select id="project-picker" value={current?.key ?? ''} onChange={(e) => e.target.value && onPick(e.target.value)}>
        {current ? null : <option value="">{t('timeline.chooseProject')}</option>}
        {options.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name}
          </option>
        ))}
      </select>
    </span>
  );
}
