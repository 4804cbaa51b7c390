import { formatDuration } from '../core/duration';
import type { ItemTimerState } from '../messaging/protocol';

export interface EstimateEditorDeps {
  /** The estimate shown now (seconds), to start the field from. */
  readonly current: () => number | null;
  /** Store the user's own estimate as typed (`3h`, `1d 4h`; empty clears it); the background reads it. */
  readonly save: (estimate: string | null) => Promise<ItemTimerState>;
  readonly onSaved: (state: ItemTimerState) => void;
}

/**
 * A small ✎ beside the timer that turns into a field for the item's own estimate (GitHub has none natively; elsewhere
 * it overrides the provider's for Stint's budgets). Enter saves, Escape cancels; only trusted events act, so a page
 * script cannot set an estimate by dispatching clicks or keys.
 */
export function mountEstimateEditor(container: HTMLElement, signal: AbortSignal, deps: EstimateEditorDeps): void {
  const doc = container.ownerDocument;
  const edit = doc.createElement('button');
  edit.type = 'button';
  edit.className = 'estimate-edit';
  edit.textContent = '✎';
  edit.setAttribute('aria-label', 'Set estimate');
  edit.title = 'Set your estimate for this item';
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

  function buildField() {
    const form = doc.createElement('form');
    form.className = 'estimate-form';
    form.hidden = true;
    const input = doc.createElement('input');
    input.type = 'text';
    input.size = 8;
    input.maxLength = 60;
    input.placeholder = 'e.g. 3h';
    input.setAttribute('aria-label', 'Estimate, e.g. 3h, 1d 4h or 90m; empty clears it');
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
          error.textContent = failure instanceof Error ? failure.message : 'Stint could not save the estimate.';
        })
        .finally(() => form.removeAttribute('aria-busy'));
    }, { signal });
  }
}
