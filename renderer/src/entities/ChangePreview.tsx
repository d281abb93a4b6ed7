import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { EntityChangePreview, EntityProposal } from '../../../main/common/contract';
import { queries } from '../api/queries';

const SETTLE_MS = 250;

/** `value` (compared as JSON), once it has stopped changing for a moment: a preview is not asked at every keystroke. */
function useSettled<T>(value: T): T {
  const json = JSON.stringify(value);
  const [settled, setSettled] = useState(json);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(json), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [json]);
  return JSON.parse(settled) as T;
}

const mentions = (n: number): string => `${n} ${n === 1 ? 'mention' : 'mentions'}`;

/** The preview in words: "Links 2 mentions and unlinks 6 (6 → 2)." */
export function describePreview(p: EntityChangePreview): string {
  const parts = [p.linked > 0 && `links ${mentions(p.linked)}`, p.taken > 0 && `takes ${mentions(p.taken)} from other entities`, p.unlinked > 0 && `unlinks ${mentions(p.unlinked)}`].filter(Boolean);
  if (parts.length === 0) return p.after === 0 ? 'No passage mentions it, before or after.' : `All ${mentions(p.after)} stay linked.`;
  const said = parts.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}: ${p.before} → ${p.after}.`;
}

/**
 * What saving would do to the mentions, asked of the core without saving
 * (and asked again as the form changes); `null` proposes nothing yet.
 */
export function ChangePreview({ proposal, id }: { proposal: EntityProposal | null; id?: string }) {
  const settled = useSettled(proposal ?? null);
  const preview = useQuery({ ...queries.entityPreview(settled as EntityProposal), enabled: settled !== null });
  if (!proposal) return null;
  const unlinking = (preview.data?.unlinked ?? 0) > 0;
  return (
    <p id={id} className={`ent-preview${unlinking ? ' is-losing' : ''}`} role="status">
      {preview.isError ? preview.error.message : preview.data ? describePreview(preview.data) : 'Counting the mentions…'}
    </p>
  );
}
