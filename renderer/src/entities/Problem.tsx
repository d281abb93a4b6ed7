/** Why the last action on an entity did not go through, announced to screen readers; nothing when all is well. */
export function Problem({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p className="ent-problem" role="alert">
      {text}
    </p>
  );
}
