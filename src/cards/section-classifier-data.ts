import { readFileSync } from 'node:fs';
import { isClassifierLabel, type LabeledSentence } from './section-classifier-labels.ts';

/** The authored training sentences (sample wording, not CPT or CMS text). */
export const labeledSentencesPath = new URL(
  '../../samples/classifier/labeled-sentences.tsv',
  import.meta.url,
).pathname;

/**
 * Parses `label<TAB>sentence` lines; blank lines and `#` comments are skipped. A line with an
 * unknown label or no tab is a broken data file, so it throws with the line number.
 */
export function parseLabeledSentences(tsv: string): LabeledSentence[] {
  const examples: LabeledSentence[] = [];
  tsv.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim() || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    const label = tab < 0 ? '' : line.slice(0, tab).trim();
    const text = line.slice(tab + 1).trim();
    if (!isClassifierLabel(label) || !text) {
      throw new Error(`labeled sentences line ${index + 1}: expected "label<TAB>sentence"`);
    }
    examples.push({ label, text });
  });
  return examples;
}

export function loadLabeledSentences(path = labeledSentencesPath): LabeledSentence[] {
  return parseLabeledSentences(readFileSync(path, 'utf8'));
}
