import { useId } from 'react';

interface Props {
  /** What could not be opened, as the heading says it: "The library could not be opened". */
  title: string;
  message: string;
  onRetry: () => void;
}

/** A view whose data did not come: why, in the core's words, and a way to ask again. */
export function LoadFailed({ title, message, onRetry }: Props) {
  const id = useId();
  return (
    <section className="empty-state" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <p role="alert">{message}</p>
      <button type="button" className="io-button" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}
