import { splitSentences } from '../library/text/sentence-splitter.ts';
import { isLexicalFeature, sentenceFeatures } from './section-classifier-features.ts';
import { loadLabeledSentences } from './section-classifier-data.ts';
import type { ClassifierLabel, LabeledSentence } from './section-classifier-labels.ts';
import {
  scoreFeatures,
  trainSoftmax,
  trainSoftmaxYielding,
  type FeatureExample,
  type SoftmaxModel,
} from './section-classifier-model.ts';

export interface Classification {
  label: ClassifierLabel;
  /** The model's posterior for the label, 0..1 (0: nothing in the text was recognizable). */
  confidence: number;
}

export interface SectionClassifier {
  classify(text: string): Classification;
}

/**
 * Trains the prose section classifier: softmax regression over word unigrams, bigrams and
 * prefixes with codes, levels and numbers masked (see `sentenceFeatures`). Deterministic: the
 * same examples give the same model whatever their order.
 */
export function trainClassifier(examples: readonly LabeledSentence[]): SectionClassifier {
  return classifierOf(trainSoftmax(featureExamples(examples)));
}

function featureExamples(examples: readonly LabeledSentence[]): FeatureExample[] {
  return examples.map((e) => ({
    label: e.label,
    features: sentenceFeatures(e.text),
    key: `${e.label}\t${e.text}`,
  }));
}

function classifierOf(model: SoftmaxModel): SectionClassifier {
  return { classify: (text) => classifyWith(model, text) };
}

function classifyWith(model: SoftmaxModel, text: string): Classification {
  const { posterior, known } = scoreFeatures(model, sentenceFeatures(text));
  // Text sharing no word with the training data (another script, gibberish) is not evidence.
  if (!known.some(isLexicalFeature)) return { label: 'other', confidence: 0 };
  let best = 0;
  posterior.forEach((p, i) => {
    if (p > (posterior[best] ?? 0)) best = i;
  });
  return { label: model.labels[best] ?? 'other', confidence: posterior[best] ?? 0 };
}

/**
 * A sentence enters a card section only when the classifier's posterior for it reaches this;
 * below it the sentence is left out (a wrong sentence in a section misleads, a missing one is a
 * gap the library can still fill). Chosen by 5-fold cross-validation on the training 80% only,
 * as the threshold with the best F0.5 (precision weighted twice recall): 0.40, F0.5 0.909 (at 0:
 * 0.883). On the held-out 20% it raises the precision of placed sentences from 0.925 to 0.954
 * for a recall of 0.862 instead of 0.899 (`section-classifier.test.ts` prints the curves).
 */
export const sectionConfidenceThreshold = 0.4;

/** The section a classification places its sentence in: its label if confident, else `other`. */
export function confidentLabel(
  classification: Classification,
  threshold = sectionConfidenceThreshold,
): ClassifierLabel {
  return classification.confidence >= threshold ? classification.label : 'other';
}

let defaultClassifier: SectionClassifier | null = null;

/** The classifier trained on samples/classifier/labeled-sentences.tsv, built on first use. */
export function sectionClassifier(): SectionClassifier {
  defaultClassifier ??= trainClassifier(loadLabeledSentences());
  return defaultClassifier;
}

/**
 * Builds the default classifier ahead of the first card, with the event loop free between
 * training epochs (a server calls this once it listens): trained by the first card instead, it
 * held every other request for 0.2-0.4 s. A card that comes before it is done trains it at once,
 * as before; the two give the same model (training is deterministic).
 */
export async function warmSectionClassifier(): Promise<void> {
  if (defaultClassifier) return;
  const model = await trainSoftmaxYielding(featureExamples(loadLabeledSentences()));
  defaultClassifier ??= classifierOf(model);
}

/** Which code card section one sentence belongs to. */
export function classifySentence(
  text: string,
  classifier: SectionClassifier = sectionClassifier(),
): Classification {
  return classifier.classify(text);
}

/**
 * Which section a passage belongs to: each sentence votes for its label with its confidence,
 * and the label with the most confidence mass wins (a section label over `other` on a tie).
 * The confidence is that mass divided by the number of sentences.
 */
export function classifyPassage(
  text: string,
  classifier: SectionClassifier = sectionClassifier(),
): Classification {
  const mass = new Map<ClassifierLabel, number>();
  const sentences = splitSentences(text);
  for (const sentence of sentences) {
    const { label, confidence } = classifier.classify(sentence.text);
    mass.set(label, (mass.get(label) ?? 0) + confidence);
  }
  let best: Classification = { label: 'other', confidence: 0 };
  for (const [label, total] of mass) {
    const better = total > best.confidence || (total === best.confidence && best.label === 'other');
    if (better && total > 0) best = { label, confidence: total };
  }
  return sentences.length === 0
    ? best
    : { label: best.label, confidence: best.confidence / sentences.length };
}
