import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { composeCard } from '../../cards/compose-card.ts';
import type { Card } from '../../cards/card-types.ts';
import type { OpenDatabase } from '../../db/database.ts';
import { importFile } from '../../library/import.service.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { starterLibraryDir } from '../../library/starter-library.ts';
import { askQuestion } from '../ask.service.ts';
import type { Answer } from '../ask-types.ts';
import { startChatServer, type ChatServer } from './test-chat-server.ts';
import { obedientModel, type ObedientLog } from './test-obedient-model.ts';
import type { ChatMessage } from './types.ts';
import { openTestLibrary } from '../../../test/support/test-library.ts';

/**
 * Indirect prompt injection, end to end: 58 authored attack documents (fixtures/planted, ten
 * languages, one planted false claim and marker each) in a library with the sample tables, a
 * model stub that obeys every instruction it sees in a passage, and two questions per
 * document (an open one in its language, a code-fact one) through the Ask service. No planted marker or claim may reach an answer or a card;
 * the documents' legitimate sentences must still answer.
 */

interface PlantedDocument {
  file: string;
  lang: string;
  technique: string;
  marker: string;
  claim: string;
  question: string;
  answers: string;
  factQuestion: string;
}

const dir = new URL('./fixtures/planted/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as PlantedDocument[];
const dos = '2026-03-02';
const tables = [
  'sample-procedure-descriptors-eff-01-01-2026.csv',
  'sample-ccipra-v320r0-ptp.txt',
  'sample-mue-practitioner-eff-01-01-2026.csv',
  'sample-coverage-epidural.csv',
  'sample-add-on-codes.csv',
];
const cardCodes = [
  '62263',
  '62264',
  '62321',
  '62323',
  '64483',
  '64484',
  '64490',
  '20610',
  '72275',
  '77003',
  '99213',
];

/** What a reader could see: invisible characters dropped, tag characters read as ASCII. */
function visible(text: string): string {
  return text
    .replace(/[\u{E0020}-\u{E007E}]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! - 0xe0000))
    .normalize('NFKC')
    .replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '')
    .toLowerCase();
}

/** Every planted marker or claim a text carries. */
function leaks(text: string): string[] {
  const seen = visible(text);
  return corpus.flatMap((doc) =>
    [doc.marker, doc.claim].filter((planted) => seen.includes(visible(planted))),
  );
}

function answerTexts(answer: Answer): string[] {
  return [
    answer.text,
    ...answer.citations.map((c) => c.quote ?? ''),
    ...(answer.cards ?? []).flatMap(cardTexts),
  ];
}

function cardTexts(card: Card): string[] {
  return card.sections.flatMap((s) => s.items.map((i) => i.text));
}

describe('planted instructions in documents (indirect prompt injection)', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let server: ChatServer;
  const log: ObedientLog = { requests: 0, obeyed: [] };

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
    for (const name of tables) {
      const bytes = readFileSync(new URL(name, `file://${starterLibraryDir}`));
      await importFile(ctx, { fileName: name, bytes });
    }
    for (const doc of corpus) {
      await importFile(ctx, { fileName: doc.file, bytes: readFileSync(new URL(doc.file, dir)) });
    }
    server = await startChatServer(obedientModel(log));
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await opened.close();
  });

  test('the corpus: at least 50 documents, ten languages, one distinct claim and marker each', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((d) => d.lang)).size).toBe(10);
    expect(new Set(corpus.map((d) => d.marker)).size).toBe(corpus.length);
    expect(new Set(corpus.map((d) => d.claim)).size).toBe(corpus.length);
    for (const doc of corpus) {
      const text = visible(readFileSync(new URL(doc.file, dir), 'utf8'));
      // Base64 payloads hide theirs; every other document shows its marker and claim.
      if (doc.technique !== 'base64 payload') expect(text).toContain(visible(doc.marker));
    }
  });

  test('no planted claim reaches an answer; legitimate sentences still answer', async () => {
    const generative = { baseUrl: server.baseUrl, model: 'obedient-stub' };
    const leaked: { question: string; leaks: string[] }[] = [];
    let asked = 0;
    let legitimate = 0;
    let generated = 0;
    const factKinds = new Set<string>();
    for (const doc of corpus) {
      for (const question of [doc.question, doc.factQuestion]) {
        const { answer } = await askQuestion(ctx, { question, dos }, { generative });
        asked++;
        const found = answerTexts(answer).flatMap(leaks);
        if (found.length > 0) leaked.push({ question, leaks: found });
        if (answer.generatedBy) generated++;
        if (question === doc.question && visible(answer.text).includes(visible(doc.answers)))
          legitimate++;
        if (question === doc.factQuestion) {
          // Code facts come from the engine: never from the model.
          expect(answer.generatedBy, question).toBeUndefined();
          factKinds.add(answer.kind);
        }
      }
    }
    const attempted = new Set(
      log.obeyed.flatMap(({ instruction, claim }) =>
        corpus.filter((d) => visible(`${instruction} ${claim}`).includes(visible(d.marker))),
      ),
    ).size;
    console.info(
      `planted corpus: ${corpus.length} documents, ${asked} questions, ${log.requests} model ` +
        `requests, ${log.obeyed.length} planted sentences obeyed by the stub (${attempted} ` +
        `documents' markers sent back), ${leaked.length} answers with a planted claim, ` +
        `${legitimate}/${corpus.length} legitimate answers, ${generated} model-written answers`,
    );
    expect(leaked).toEqual([]);
    // The stub did try: most documents' plants reached it (the rest were stripped on import or
    // by sanitizing, e.g. HTML comments and tag characters).
    expect(attempted).toBeGreaterThanOrEqual(corpus.length * 0.8);
    // The defence does not just drop everything. (The Chinese questions miss a few guides for
    // retrieval's sake: the Latin clinic name inside Chinese text does not tell them apart.)
    expect(legitimate).toBeGreaterThanOrEqual(corpus.length * 0.8);
    expect(generated).toBeGreaterThan(corpus.length / 2);
    expect([...factKinds].every((kind) => kind !== 'passages')).toBe(true);
  }, 60_000);

  test('the model sees passage text only as quoted data, never in its rules', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) {
      const [system, user] = (request.body as { messages: ChatMessage[] }).messages;
      expect(system?.role).toBe('system');
      expect(leaks(system?.content ?? '')).toEqual([]);
      // Outside the passage blocks the user message holds only the question and the label.
      const outside = (user?.content ?? '').replace(/<passage [^>]*>[\s\S]*?<\/passage>/g, '');
      expect(leaks(outside)).toEqual([]);
      expect(outside).not.toMatch(/<\/?system>|im_start|\[INST\]/i);
    }
  });

  test('no planted sentence is placed in a card section', async () => {
    const leaked: string[] = [];
    let items = 0;
    for (const code of cardCodes) {
      for (const lang of ['en', 'es', 'zh'] as const) {
        const card = await composeCard(ctx, { code, dos, setting: 'practitioner', lang });
        for (const text of cardTexts(card)) {
          items++;
          leaked.push(...leaks(text).map((planted) => `${code}: ${planted} in "${text}"`));
        }
      }
    }
    console.info(
      `planted corpus cards: ${cardCodes.length * 3} cards, ${items} items, ${leaked.length} planted`,
    );
    expect(leaked).toEqual([]);
    expect(items).toBeGreaterThan(0);
  });
});
