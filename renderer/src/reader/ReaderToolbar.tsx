import type { ReactNode } from 'react';
import { FONT_SIZES } from '../../../main/common/contract/values';
import { LINE_HEIGHTS, type ReaderSettings } from './settings';
import { MentionsToggle } from '../entities/ReaderEntities';

interface Props {
  settings: ReaderSettings;
  update: (change: Partial<ReaderSettings>) => void;
  /** What the view adds at the start of the bar (e.g. "Open beside…"). */
  children?: ReactNode;
}

/** Typography controls: font size, line width and line height. */
export function ReaderToolbar({ settings, update, children }: Props) {
  const size = (delta: number) => update({ fontSize: Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, settings.fontSize + delta)) });
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Reading settings">
      {children && <div className="tool-start">{children}</div>}
      <MentionsToggle />
      <div className="tool-group" role="group" aria-label="Font size">
        <button type="button" onClick={() => size(-1)} disabled={settings.fontSize <= FONT_SIZES.min} aria-label="Smaller text">
          A−
        </button>
        <span className="tool-value" aria-live="polite">{settings.fontSize}px</span>
        <button type="button" onClick={() => size(1)} disabled={settings.fontSize >= FONT_SIZES.max} aria-label="Larger text">
          A+
        </button>
      </div>
      <label className="tool-group">
        <span>Font</span>
        <select value={settings.font} onChange={(e) => update({ font: e.target.value as ReaderSettings['font'] })}>
          <option value="serif">Serif</option>
          <option value="sans">Sans-serif</option>
        </select>
      </label>
      <label className="tool-group">
        <span>Width</span>
        <select value={settings.measure} onChange={(e) => update({ measure: e.target.value as ReaderSettings['measure'] })}>
          <option value="narrow">Narrow lines</option>
          <option value="medium">Medium lines</option>
          <option value="wide">Wide lines</option>
        </select>
      </label>
      <label className="tool-group">
        <span>Line height</span>
        <select value={settings.lineHeight} onChange={(e) => update({ lineHeight: Number(e.target.value) })}>
          {LINE_HEIGHTS.map((h) => (
            <option key={h} value={h}>
              {h === LINE_HEIGHTS[0] ? 'Compact' : h === LINE_HEIGHTS[1] ? 'Comfortable' : 'Airy'}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
