/*
 * Contrast of colours as WCAG 2 measures it, and the underline colour of a
 * type's mentions on a page: the type's own colour where it stands out
 * enough (3:1, what WCAG asks of marks that carry meaning), else that colour
 * darkened on a light page or lightened on a dark one until it does.
 */

/** What the underline must reach against the page; a little above 3:1 so rounding never drops it below. */
export const MENTION_CONTRAST = 3.1;

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const hexOf = (channels: readonly number[]): string => `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The underline colour for mentions of a type of colour `color` on a page of colour `page`. */
export function mentionLine(color: string, page: string): string {
  const toward = rgb(luminance(page) > 0.18 ? '#000000' : '#ffffff');
  const from = rgb(color);
  for (let step = 0; step <= 20; step++) {
    const mixed = hexOf(from.map((c, i) => c + ((toward[i] as number) - c) * (step / 20)));
    if (contrast(mixed, page) >= MENTION_CONTRAST) return mixed;
  }
  return hexOf(toward);
}
