import { useEffect, useRef, type ReactNode } from 'react';
import './dialogs.css';

const FOCUSABLE = 'input:not([disabled]), button:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex="0"]';

interface Props {
  /** The accessible name when there is no visible title (`labelledBy`). */
  label?: string;
  /** Id of the visible heading that names the dialog. */
  labelledBy?: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog, open while mounted: the native <dialog> keeps focus inside
 * and the rest of the window inert, Esc or a click outside closes it, and
 * focus goes back to where it was when it opened. Focus starts on the
 * element marked `data-autofocus`, else on the first control.
 */
export function Dialog({ label, labelledBy, onClose, className, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // Chrome may give first focus to a scrolling container: put it on the control meant to start with (wherever it stands), or the first one.
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const onCancel = (event: Event) => {
      // Closing is React's job: the dialog unmounts, which also restores focus.
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-label={label}
      aria-labelledby={labelledBy}
      // A click on the backdrop lands on the <dialog> itself, outside its content box.
      onClick={(event) => event.target === ref.current && onClose()}
    >
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
