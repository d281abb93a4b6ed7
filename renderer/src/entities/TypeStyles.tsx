import { useEffect } from 'react';
import type { EntityType } from '../../../main/common/contract';

/** One style sheet for the types' colours, shared by every mount. */
const sheet = new CSSStyleSheet();

/**
 * Each entity type's colour as a CSS variable on its class
 * (`.entity-type-<id> { --entity-color: … }`), for underlines, dots and
 * badges. A constructed style sheet, because the page's Content Security
 * Policy allows no inline <style>. Ids are [a-z0-9-] and colours #rrggbb
 * (the core checks both), so the rules cannot carry anything else.
 */
export function TypeStyles({ types }: { types: readonly EntityType[] }) {
  useEffect(() => {
    sheet.replaceSync(types.map((t) => `.entity-type-${t.id} { --entity-color: ${t.color}; }`).join('\n'));
    if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, [types]);
  return null;
}
