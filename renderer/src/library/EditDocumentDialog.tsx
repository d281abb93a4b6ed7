import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DocumentSummary } from '../../../main/common/contract';
import {
  cleanSourceLabel,
  cleanTitle,
  dateFromParts,
  dateParts,
  detailProblems,
  MONTH_NAMES,
  sourceOf,
  type DateParts,
  type DetailProblems,
  type DocumentDetails,
} from '../../../main/common/document-details';
import { Dialog } from '../commands/Dialog';
import { editDocument } from './actions';
import './documents.css';

interface Form {
  title: string;
  date: DateParts;
  sourceLabel: string;
}

/** The edit the form asks for (only what changed), or what is wrong with each field. */
function readForm(doc: DocumentSummary, form: Form): { details: DocumentDetails; problems: DetailProblems } {
  const date = dateFromParts(form.date);
  const details: DocumentDetails = {};
  if (cleanTitle(form.title) !== doc.title) details.title = form.title;
  if ('date' in date && date.date !== doc.date) details.date = date.date;
  if (cleanSourceLabel(form.sourceLabel) !== (doc.sourceLabel ?? null)) details.sourceLabel = form.sourceLabel;
  const problems = detailProblems({ title: form.title, ...(details.date !== undefined && { date: details.date }), sourceLabel: form.sourceLabel });
  if ('problem' in date) problems.date = date.problem;
  return { details, problems };
}

/**
 * Edits a document's title, date (a day, a month, a year, or none) and the
 * label of its source. Each field says beside it what is wrong; nothing is
 * saved until all of them are right. Opened from the reader's header, the
 * library row and the command palette.
 */
export function EditDocumentDialog({ doc, onClose }: { doc: DocumentSummary; onClose: () => void }) {
  const id = useId();
  const [form, setForm] = useState<Form>({ title: doc.title, date: dateParts(doc.date), sourceLabel: doc.sourceLabel ?? '' });
  // Save pressed so far: each press with a problem takes the focus to the first field it is about, once its message shows.
  const [tries, setTries] = useState(0);
  const tried = tries > 0;
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fields = useRef<HTMLFormElement>(null);
  const { details, problems } = readForm(doc, form);
  const shown: DetailProblems = tried ? problems : {};
  const fallbackSource = sourceOf({ ...doc, sourceLabel: undefined });
  useEffect(() => {
    if (tries > 0) fields.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [tries]);

  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));
  const setDate = (patch: Partial<DateParts>) => setForm((current) => ({ ...current, date: { ...current.date, ...patch } }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTries((n) => n + 1);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(details).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    try {
      await editDocument(doc, details);
      onClose();
    } catch (error) {
      setFailure((error as Error).message);
      setSaving(false);
    }
  };

  const describedBy = (field: keyof DetailProblems, hint?: string) => [shown[field] && `${id}-${field}-problem`, hint].filter(Boolean).join(' ') || undefined;
  const problem = (field: keyof DetailProblems) =>
    shown[field] && (
      <p id={`${id}-${field}-problem`} className="field-problem">
        <span aria-hidden="true">⚠ </span>
        {shown[field]}
      </p>
    );

  return (
    <Dialog labelledBy={`${id}-heading`} onClose={onClose} className="document-dialog">
      <form ref={fields} onSubmit={(event) => void save(event)} noValidate>
        <div className="dialog-header">
          <h2 id={`${id}-heading`}>Edit document details</h2>
        </div>
        <div className="document-form">
          <div className="doc-field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input
              id={`${id}-title`}
              value={form.title}
              onChange={(event) => set({ title: event.target.value })}
              aria-invalid={shown.title ? true : undefined}
              aria-describedby={describedBy('title')}
              data-autofocus
              spellCheck
            />
            {problem('title')}
          </div>
          <fieldset className="doc-field doc-date" aria-describedby={describedBy('date', `${id}-date-hint`)}>
            <legend>Date</legend>
            <div className="doc-date-parts">
              <label>
                <span>Day</span>
                <input inputMode="numeric" size={3} maxLength={2} value={form.date.day} onChange={(event) => setDate({ day: event.target.value })} aria-invalid={shown.date ? true : undefined} />
              </label>
              <label>
                <span>Month</span>
                <select value={form.date.month} onChange={(event) => setDate({ month: event.target.value })} aria-invalid={shown.date ? true : undefined}>
                  <option value="">—</option>
                  {MONTH_NAMES.map((name, i) => (
                    <option key={name} value={String(i + 1)}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>Year</span>
                <input inputMode="numeric" size={5} maxLength={4} value={form.date.year} onChange={(event) => setDate({ year: event.target.value })} aria-invalid={shown.date ? true : undefined} />
              </label>
              <button type="button" className="doc-button" onClick={() => setDate({ day: '', month: '', year: '' })} disabled={!form.date.day && !form.date.month && !form.date.year}>
                No date
              </button>
            </div>
            <p id={`${id}-date-hint`} className="field-hint">
              A day, a month or only a year; leave them empty when the document gives no date.
            </p>
            {problem('date')}
          </fieldset>
          <div className="doc-field">
            <label htmlFor={`${id}-source`}>Source</label>
            <input
              id={`${id}-source`}
              value={form.sourceLabel}
              placeholder={fallbackSource}
              onChange={(event) => set({ sourceLabel: event.target.value })}
              aria-invalid={shown.sourceLabel ? true : undefined}
              aria-describedby={describedBy('sourceLabel', `${id}-source-hint`)}
            />
            <p id={`${id}-source-hint`} className="field-hint">
              Where it came from, in your words; left empty, the library shows “{fallbackSource}”.
            </p>
            {problem('sourceLabel')}
          </div>
          {tried && Object.keys(problems).length > 0 && (
            <p className="visually-hidden" role="alert">
              {Object.values(problems).join(' ')} Nothing was saved.
            </p>
          )}
          {failure && (
            <p className="doc-failure" role="alert">
              {failure}
            </p>
          )}
        </div>
        <div className="doc-dialog-actions">
          <button type="button" className="doc-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="doc-button primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
