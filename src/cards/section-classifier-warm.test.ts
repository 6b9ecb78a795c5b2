import { describe, expect, test } from 'vitest';
import { loopTurnsDuring } from '../domain/test-loop-turns.ts';
import { loadLabeledSentences } from './section-classifier-data.ts';
import { sectionClassifier, trainClassifier, warmSectionClassifier } from './section-classifier.ts';

// Its own file: the default classifier is built once per module instance, and here it must not
// exist before the warm-up runs.
describe('warmSectionClassifier', () => {
  test('trains the default classifier with turns of the event loop between epochs', async () => {
    const turnsWhileTraining = await loopTurnsDuring(() => warmSectionClassifier());
    // Trained in one call, the ticker would run at most once.
    expect(turnsWhileTraining).toBeGreaterThanOrEqual(10);

    const warmed = sectionClassifier();
    await warmSectionClassifier();
    expect(sectionClassifier()).toBe(warmed);

    // The same model as training in one call: every labeled sentence is classified alike.
    const examples = loadLabeledSentences();
    const direct = trainClassifier(examples);
    for (const { text } of examples) expect(warmed.classify(text)).toEqual(direct.classify(text));
  });
});
