import { expect, test } from 'vitest';
import {
  batchClaimsNdjson,
  connectionsPerKind,
  requestKinds,
  requestsFor,
} from '../../scripts/load/load-requests.ts';

test('the connections are split across the kinds, at least one each, none lost', () => {
  for (const total of [4, 10, 37, 100]) {
    const split = connectionsPerKind(total);
    expect(Object.values(split).reduce((a, b) => a + b, 0)).toBe(total);
    for (const kind of requestKinds) expect(split[kind]).toBeGreaterThanOrEqual(1);
  }
  expect(connectionsPerKind(100)).toEqual({ card: 40, check: 25, search: 20, ask: 15 });
  expect(connectionsPerKind(10, ['check'])).toEqual({ card: 0, ask: 0, search: 0, check: 10 });
});

test('every request is a valid API call shape', () => {
  for (const kind of requestKinds)
    for (const request of requestsFor(kind)) {
      expect(request.path).toMatch(/^\/api\//);
      if (request.body) expect(() => JSON.parse(request.body!) as unknown).not.toThrow();
    }
});

test('the batch file has one claim a line', () => {
  const lines = batchClaimsNdjson(30, ['62263', '62264']).trim().split('\n');
  expect(lines).toHaveLength(30);
  const claim = JSON.parse(lines[0]!) as { id: string; lines: unknown[] };
  expect(claim.id).toBe('B0');
  expect(claim.lines.length).toBeGreaterThanOrEqual(2);
});
