import axe from 'axe-core';

/**
 * axe-core's serious and critical findings on what is rendered. Colour contrast needs layout,
 * which happy-dom does not do: the browser tests check it on the real pages.
 */
export async function seriousProblems(root: Element = document.body): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
