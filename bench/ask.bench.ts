import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askQuestion } from '../src/ask/ask.service.ts';
import type { AnswerKind } from '../src/domain/answer-kind.ts';
import { atMost, type Bench, type BenchResult, runWhenMain } from './bench-result.ts';
import { openBenchmarkLibrary, closeBenchmarkLibrary } from './benchmark-library.ts';
import { seededRandom } from './generate-ptp.ts';
import { stats } from './lookup-search.bench.ts';

const QUESTIONS = 400;
const ASK_P95_MS = 100;
const DOS = '2026-11-27';

/** Question templates of every intent, in several languages; {a} and {b} are codes. */
const templates = [
  '{a}',
  'what is {a}?',
  'can I bill {a} with {b}?',
  '¿Puedo facturar {a} con {b}?',
  '{a} 与 {b} 可以一起报告吗？',
  'how many units of {a}?',
  'Wie viele Einheiten von {a}?',
  'is M54.16 covered for {a}?',
  'what must the note show for {a}?',
  'can I use modifier 50 with {a}?',
  'Racz procedure',
  'what does modifier XS mean?',
  'How long does an epidural injection take?',
  'what is the capital of France?',
  'What is the Whipple procedure?',
];

/**
 * Ask in process, without a model, over the benchmark library (2M PTP rows, full ICD-10-CM,
 * HCPCS, the starter library and 200 documents): every question is parsed, answered from facts
 * or passages and stored in a thread, as the API does.
 */
export const askBench: Bench = {
  name: 'ask',
  async run(): Promise<BenchResult> {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-bench-ask-'));
    const library = await openBenchmarkLibrary(dir);
    try {
      const { ctx, codes } = library;
      const random = seededRandom(5);
      const question = (i: number) => {
        const pick = () => codes[Math.floor(random() * codes.length)] ?? '62264';
        return templates[i % templates.length]!.replace('{a}', pick()).replace('{b}', pick());
      };
      for (let i = 0; i < templates.length; i++)
        await askQuestion(ctx, { question: question(i), dos: DOS });
      const samples: number[] = [];
      const kinds = new Map<AnswerKind, number>();
      for (let i = 0; i < QUESTIONS; i++) {
        const text = question(i);
        const started = performance.now();
        const { answer } = await askQuestion(ctx, { question: text, dos: DOS });
        samples.push(performance.now() - started);
        kinds.set(answer.kind, (kinds.get(answer.kind) ?? 0) + 1);
      }
      const ask = stats(samples);
      return {
        name: this.name,
        metrics: [
          ...library.metrics,
          { label: `questions (${templates.length} templates, 5 languages)`, value: ask.n },
          ...[...kinds].map(([kind, n]) => ({ label: `answers: ${kind}`, value: n })),
          { label: 'ask p50', value: ask.p50, unit: 'ms' },
          { label: 'ask p95', value: ask.p95, unit: 'ms' },
          { label: 'ask max', value: ask.max, unit: 'ms' },
        ],
        checks: [atMost('ask p95 (no model)', ask.p95, ASK_P95_MS, 'ms')],
      };
    } finally {
      await closeBenchmarkLibrary(library, dir);
    }
  },
};

await runWhenMain(import.meta.url, askBench);
