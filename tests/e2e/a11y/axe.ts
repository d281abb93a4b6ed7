import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, shot } from '../fixtures';

export type Theme = 'light' | 'dark';
export const THEMES: Theme[] = ['light', 'dark'];

/** Switches the theme as a person would, with the header's theme chooser. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Scans the page with axe-core against WCAG 2.1 A and AA and its best
 * practices, and fails on any violation whatever its impact (minor and
 * moderate included), listing each with the elements concerned.
 * Saves a screenshot of what was scanned as `<name>-<theme>.png`.
 */
export async function expectAccessible(page: Page, name: string, theme: Theme): Promise<void> {
  // Colours are measured as seen: once the running transitions (the reader's flash, focus rings) have ended.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
  await page.screenshot({ path: shot(`${name}-${theme}`) });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const report = violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`);
  expect(report, `${name} in the ${theme} theme`).toEqual([]);
}
