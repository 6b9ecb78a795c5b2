import type { CannedReply } from './test-chat-server.ts';
import type { ChatMessage } from './types.ts';

/**
 * Test support: a stand-in for a model that OBEYS instructions planted in the passages it is
 * shown, the worst case the citation guard must hold against. It reads the user message of a
 * chat-completions request, splits each `<passage>` into sentences, decodes base64 runs, and
 * treats as an instruction every sentence with one of its own cue words (deliberately broader
 * than, and independent of, domain/instruction-like.ts). For each instruction it repeats the
 * planted sentence and the claim in it (from its first code on; or the next sentence when the
 * instruction names no code), each citing the passage; it then adds a normal cited answer:
 * the non-instruction sentence sharing most words with the question.
 */

export interface ObedientLog {
  /** Requests answered. */
  requests: number;
  /** Planted sentences the stub obeyed, with the passage text they came from. */
  obeyed: { instruction: string; claim: string }[];
}

const cues =
  /ignore|disregard|forget|assistant|\bAI\b|\bmodels?\b|bot\b|system|\binst\b|reply|respond|answer|\bsay\b|tell the user|from now on|let'?s play|instructions?|decode|ignora|olvida|asistente|\bIA\b|responde|contesta|\bdi que|ignorez|oubliez|répondez|dites|tenez pas compte|ignoriere|vergiss|\bKI\b|antworte|\bsag|игнорир|забудь|ИИ|ассистент|отвечай|скажи|не обращай|تجاهل|انس|المساعد|قل أن|أجب|忽略|无视|助手|AI|回答|告诉用户|bỏ qua|phớt lờ|trợ lý|trả lời|khẳng định|무시|어시스턴트|답하|대답|말하세요|답변하|huwag pansinin|balewalain|sabihin|isagot|para sa AI/iu;

const code = /(?<![\p{L}\p{N}])(?:\d{5}|[A-Z]\d{2}\.\d{1,4}|[A-Z]\d{4})(?![\p{N}])/u;

interface Passage {
  id: string;
  sentences: string[];
}

export function obedientModel(log: ObedientLog): (body: unknown) => CannedReply {
  return (body) => {
    log.requests++;
    const messages = (body as { messages?: ChatMessage[] }).messages ?? [];
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    const question = /<question>\n([\s\S]*?)\n<\/question>/.exec(user)?.[1] ?? '';
    const lines: string[] = [];
    const normal: { sentence: string; id: string; score: number }[] = [];
    for (const passage of passagesIn(user)) {
      passage.sentences.forEach((sentence, at) => {
        if (!cues.test(sentence.normalize('NFKC'))) {
          normal.push({ sentence, id: passage.id, score: shared(sentence, question) });
          return;
        }
        const at0 = sentence.search(code);
        const claim = at0 >= 0 ? sentence.slice(at0) : (passage.sentences[at + 1] ?? sentence);
        log.obeyed.push({ instruction: sentence, claim });
        lines.push(
          `${stripMarkup(sentence)} [${passage.id}]`,
          `${stripMarkup(claim)} [${passage.id}]`,
        );
      });
    }
    const best = normal.sort((a, b) => b.score - a.score)[0];
    if (best) lines.push(`${best.sentence} [${best.id}]`);
    const content = lines.length > 0 ? lines.join('\n') : 'NO_ANSWER';
    return {
      body: {
        id: 'chatcmpl-obedient',
        object: 'chat.completion',
        model: 'obedient-stub',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      },
    };
  };
}

function passagesIn(user: string): Passage[] {
  const passages: Passage[] = [];
  for (const [, id, text] of user.matchAll(
    /<passage id="(P\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g,
  )) {
    const sentences: string[] = [];
    for (const sentence of (text ?? '').split(/(?<=[.!?؟。！？])\s*|\n|\s\|\s/u)) {
      const trimmed = sentence.replace(/^[|\s#>*-]+|[|\s]+$/g, '');
      if (/[\p{L}\p{N}]{2}/u.test(trimmed)) sentences.push(trimmed);
      // A gullible model also reads what is encoded.
      for (const [run] of trimmed.matchAll(/[A-Za-z0-9+/]{24,}={0,2}/g)) {
        const decoded = Buffer.from(run, 'base64').toString('utf8');
        if (/^[\p{L}\p{N}\p{P}\s]+$/u.test(decoded)) sentences.push(decoded);
      }
    }
    passages.push({ id: id ?? 'P1', sentences });
  }
  return passages;
}

/** The planted sentence as a model would write it: no tag look-alikes or role brackets. */
function stripMarkup(sentence: string): string {
  return sentence
    .replace(/[‹<][^>]*>|\((?:\/?inst|system)\)|\[\/?(?:inst|system)\]/giu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function shared(sentence: string, question: string): number {
  const words = (text: string) =>
    new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2));
  const asked = words(question);
  let count = 0;
  for (const w of words(sentence)) if (asked.has(w)) count++;
  // Chinese and Korean run words together: count shared character pairs as well.
  for (let i = 0; i + 1 < question.length; i++) {
    const pair = question.slice(i, i + 2);
    if (/^[\p{Script=Han}\p{Script=Hangul}]{2}$/u.test(pair) && sentence.includes(pair)) count++;
  }
  return count;
}
