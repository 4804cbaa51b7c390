import { t } from '@/lib/i18n';
export interface UndoToastProps {
  readonly text: string;
  /** Absent: nothing to undo (an information only). */
  readonly onUndo?: () => void;
  readonly onClose: () => void;
}

/** What just happened, with Undo where it can be undone. Stays until closed or replaced: no timed vanishing. */
export function UndoToast({ text, onUndo, onClose }: UndoToastProps) {
  return (
    <div className="toast" role="status">
      <span>{text}</span>
      {onUndo ? <button type="button" onClick={onUndo}>{t('timesheet.undo')}</button> : null}
      <button type="button" className="link" aria-label={t('timesheet.dismiss')} onClick={onClose}>×</button>
    </div>
  );
}
