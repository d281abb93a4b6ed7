import { useEffect, useState } from 'react';
import type { EntityType } from '../../../main/common/contract';
import { mentionLine } from './contrast';

/** One style sheet for the types' colours, shared by every mount. */
const sheet = new CSSStyleSheet();

/** The page's colour in the theme in use (styles.css `--bg`), followed as the theme changes. */
function usePageColor(): string {
  const read = () => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
  const [page, setPage] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setPage(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return page;
}

/**
 * Each entity type's colour as CSS variables on its class
 * (`.entity-type-<id> { --entity-color: …; --entity-line: … }`), for
 * underlines, dots and badges; `--entity-line` is the colour made to stand
 * out 3:1 against the page of the theme in use (contrast.ts). A constructed
 * style sheet, because the page's Content Security Policy allows no inline
 * <style>. Ids are [a-z0-9-] and colours #rrggbb (the core checks both), so
 * the rules cannot carry anything else.
 */
export function TypeStyles({ types }: { types: readonly EntityType[] }) {
  const page = usePageColor();
  useEffect(() => {
    const line = (color: string) => (/^#[0-9a-f]{6}$/i.test(page) ? mentionLine(color, page) : color);
    sheet.replaceSync(types.map((t) => `.entity-type-${t.id} { --entity-color: ${t.color}; --entity-line: ${line(t.color)}; }`).join('\n'));
    if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, [types, page]);
  return null;
}
