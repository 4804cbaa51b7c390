import { formatDuration } from '../core/duration';
import { t } from './words';
import type { ItemTimerState } from '../messaging/protocol';

export interface DurationEditorDeps {
  /** The button's glyph (`✎`), its accessible name and its tooltip. */
  readonly glyph: string;
  readonly name: string;
  readonly title: string;
  /** The field's accessible name (what to type), and what the error says when saving fails for no given reason. */
  readonly fieldName: string;
  readonly failure: string;
  /** The figure shown now (seconds), to start the field from. */
  readonly current: () => number | null;
  /** Store what was typed (`3h`, `1d 4h`; empty clears it); the background reads it with the user's working week. */
  readonly save: (typed: string | null) => Promise<ItemTimerState>;
  readonly onSaved: (state: ItemTimerState) => void;
}

export type EstimateEditorDeps = Pick<DurationEditorDeps, 'current' | 'save' | 'onSaved'>;

/**
 * A small ✎ beside the timer that turns into a field for the item's own estimate (GitHub has none natively; elsewhere
 * it overrides the provider's for Stint's budgets).
 */
export function mountEstimateEditor(container: HTMLElement, signal: AbortSignal, deps: EstimateEditorDeps): HTMLButtonElement {
  return mountDurationEditor(container, signal, {
    glyph: '✎',
    name: t('overlay.estimateName'),
    title: t('overlay.estimateTitle'),
    fieldName: t('overlay.estimateField'),
    failure: t('overlay.estimateFailure'),
    ...deps,
  });
}

/**
 * A small button beside the timer that turns into a field for a duration (an estimate, a milestone's budget). Enter
 * saves, Escape cancels; only trusted events act, so a page script cannot set anything by dispatching clicks or keys.
 * Returns the button, so its owner can rename or hide it as the item changes.
 */
export function mountDurationEditor(container: HTMLElement, signal: AbortSignal, deps: DurationEditorDeps): HTMLButtonElement {
  const doc = container.ownerDocument;
  const edit = doc.createElement('button');
  edit.type = 'button';
  edit.className = 'estimate-edit';
  edit.textContent = deps.glyph;
  edit.setAttribute('aria-label', deps.name);
  edit.title = deps.title;
  container.append(edit);
  // The field is built on first use: most page loads never open it, and an <input> is not free to create.
  let field: { form: HTMLFormElement; input: HTMLInputElement; error: HTMLElement } | null = null;
  signal.addEventListener('abort', () => {
    edit.remove();
    field?.form.remove();
  }, { once: true });

  const close = () => {
    if (!field) return;
    field.form.hidden = true;
    edit.hidden = false;
    field.error.textContent = '';
    edit.focus();
  };
  edit.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    field ??= buildField();
    const seconds = deps.current();
    field.input.value = seconds ? formatDuration(seconds) : '';
    edit.hidden = true;
    field.form.hidden = false;
    field.input.focus();
    field.input.select();
  }, { signal });

  return edit;

  function buildField() {
    const form = doc.createElement('form');
    form.className = 'estimate-form';
    form.hidden = true;
    const input = doc.createElement('input');
    input.type = 'text';
    input.size = 8;
    input.maxLength = 60;
    input.placeholder = t('overlay.estimatePlaceholder');
    input.setAttribute('aria-label', deps.fieldName);
    const error = doc.createElement('span');
    error.className = 'estimate-error';
    error.setAttribute('role', 'alert');
    form.append(input, error);
    container.append(form);
    listen(form, input, error);
    return { form, input, error };
  }

  function listen(form: HTMLFormElement, input: HTMLInputElement, error: HTMLElement) {
    input.addEventListener('keydown', (event) => {
      if (event.isTrusted && event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation(); // the host page's own Escape handling (closing a drawer) must not fire too
        close();
      }
    }, { signal });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!event.isTrusted || form.getAttribute('aria-busy') === 'true') return;
      const typed = input.value.trim();
      form.setAttribute('aria-busy', 'true');
      void deps
        .save(typed === '' ? null : typed)
        .then((state) => {
          if (signal.aborted) return;
          close();
          deps.onSaved(state);
        }, (failure: unknown) => {
          error.textContent = failure instanceof Error ? failure.message : deps.failure;
        })
        .finally(() => form.removeAttribute('aria-busy'));
    }, { signal });
  }
}
