import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../db/test-databases.ts';
import { claimDueCheck, readSchedule } from './release-sync-schedule.repository.ts';
import { isCheckDue, nextCheckAfter } from './sync-schedule.ts';
import { tickReleaseSync } from './sync-scheduler.ts';

const at = (iso: string) => new Date(iso);

describe('the release check schedule', () => {
  test('is due when never checked or when its time has come; off at 0 hours', () => {
    expect(isCheckDue(null, at('2026-10-01T00:00:00Z'), 24)).toBe(true);
    expect(isCheckDue(at('2026-10-02T00:00:00Z'), at('2026-10-01T23:59:59Z'), 24)).toBe(false);
    expect(isCheckDue(at('2026-10-02T00:00:00Z'), at('2026-10-02T00:00:00Z'), 24)).toBe(true);
    expect(isCheckDue(null, at('2026-10-01T00:00:00Z'), 0)).toBe(false);
    expect(nextCheckAfter(at('2026-10-01T06:00:00Z'), 24)).toEqual(at('2026-10-02T06:00:00Z'));
  });

  describe.each(testDatabaseKinds())('kept in the database (%s)', (kind) => {
    let opened: OpenDatabase;
    beforeAll(async () => {
      opened = await openTestDatabase(kind);
    });
    afterAll(async () => opened.close());

    test('is claimed once per interval, whoever asks and however often', async () => {
      const start = at('2026-10-01T06:00:00Z');
      // Two instances tick at the same moment: one gets the check.
      const claims = await Promise.all([
        claimDueCheck(opened.db, start, 24),
        claimDueCheck(opened.db, start, 24),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await readSchedule(opened.db)).toEqual({
        nextCheckAt: at('2026-10-02T06:00:00Z'),
        lastStartedAt: start,
      });
      // A restart an hour later does not check early.
      expect(await claimDueCheck(opened.db, at('2026-10-01T07:00:00Z'), 24)).toBe(false);
      expect(await claimDueCheck(opened.db, at('2026-10-02T05:59:59Z'), 24)).toBe(false);
      expect(await claimDueCheck(opened.db, at('2026-10-02T06:00:00Z'), 24)).toBe(true);
      expect((await readSchedule(opened.db)).nextCheckAt).toEqual(at('2026-10-03T06:00:00Z'));
    });

    test('a tick queues a sync only when the check is due, and never with the schedule off', async () => {
      const submitted: (string | null)[] = [];
      const jobs = {
        submit: (by: string | null) => Promise.resolve(submitted.push(by)),
      };
      const tick = (iso: string, intervalHours = 24) =>
        tickReleaseSync({ db: opened.db, intervalHours, jobs, now: () => at(iso) });
      expect(await tick('2026-10-03T05:00:00Z')).toBe(false);
      expect(await tick('2026-10-03T06:00:00Z', 0)).toBe(false);
      expect(await tick('2026-10-03T06:00:00Z')).toBe(true);
      expect(await tick('2026-10-03T06:10:00Z')).toBe(false);
      expect(submitted).toEqual([null]);
    });
  });
});
