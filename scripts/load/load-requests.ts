import type { AutocannonRequest } from 'autocannon';

export type RequestKind = 'card' | 'ask' | 'search' | 'check';
export const requestKinds: readonly RequestKind[] = ['card', 'ask', 'search', 'check'];

/** Share of the connections each kind gets: coders mostly read cards, then check and search. */
const weights: Record<RequestKind, number> = { card: 0.4, check: 0.25, search: 0.2, ask: 0.15 };

// The real hospital PTP release (v32.3) is in force from 2026-10-01.
const dos = '2026-11-02';
const cardCodes = ['62264', '62263', '62321', '62323', '62270', '62322', '64483', '62282'];
const questions = [
  'Can 62264 and 62263 be billed together?',
  'What is the MUE for 62321?',
  'What does 62264 mean?',
  'Is modifier 59 allowed with 62323 and 62270?',
];
const searches = ['epidural', '6232', 'lumbar injection', 'spinal puncture'];
/** Pairs the PTP subset has edits for (column 1, column 2), and one without. */
const claimPairs: [string, string][] = [
  ['62263', '0333T'],
  ['62264', '62263'],
  ['62321', '62270'],
  ['62323', '64483'],
];

const json = { 'content-type': 'application/json' };

/** The requests one client of a kind cycles through. */
export function requestsFor(kind: RequestKind): AutocannonRequest[] {
  switch (kind) {
    case 'card':
      return cardCodes.map((code) => ({
        method: 'GET',
        path: `/api/cards/cpt/${code}?dos=${dos}&setting=hospital&lang=en`,
      }));
    case 'ask':
      return questions.map((question) => ({
        method: 'POST',
        path: '/api/threads',
        headers: json,
        body: JSON.stringify({ question, lang: 'en', dos, setting: 'hospital' }),
      }));
    case 'search':
      return searches.map((q) => ({
        method: 'GET',
        path: `/api/codes?q=${encodeURIComponent(q)}&dos=${dos}&limit=20`,
      }));
    case 'check':
      return claimPairs.map(([a, b], n) => ({
        method: 'POST',
        path: '/api/checks',
        headers: json,
        body: JSON.stringify({
          claims: [
            {
              id: `L${n}`,
              setting: 'hospital',
              dateOfService: dos,
              lines: [{ code: a }, { code: b, modifiers: n % 2 ? ['59'] : [] }],
            },
          ],
        }),
      }));
  }
}

/** Connections per kind in `kinds` (by their weights), at least one each, summing to `total`. */
export function connectionsPerKind(
  total: number,
  kinds: readonly RequestKind[] = requestKinds,
): Record<RequestKind, number> {
  const split = { card: 0, ask: 0, search: 0, check: 0 };
  const weight = kinds.reduce((sum, kind) => sum + weights[kind], 0);
  for (const kind of kinds) split[kind] = Math.max(1, Math.floor((total * weights[kind]) / weight));
  split[kinds[0]!] += total - kinds.reduce((sum, kind) => sum + split[kind], 0);
  return split;
}

/** NDJSON claims for the background batch: random pairs from the PTP release, 2-3 lines each. */
export function batchClaimsNdjson(count: number, codes: readonly string[]): string {
  const lines: string[] = [];
  const pick = () => codes[Math.floor(Math.random() * codes.length)]!;
  for (let n = 0; n < count; n++) {
    const claimLines = [{ code: pick() }, { code: pick() }];
    if (n % 3 === 0) claimLines.push({ code: pick() });
    lines.push(
      JSON.stringify({ id: `B${n}`, setting: 'hospital', dateOfService: dos, lines: claimLines }),
    );
  }
  return `${lines.join('\n')}\n`;
}
