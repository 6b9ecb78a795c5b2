import { afterEach, describe, expect, test } from 'vitest';
import { surviveDatabaseFaults } from './process-faults.ts';

describe('the server process and database faults', () => {
  let stop = () => {};
  afterEach(() => stop());

  test('an error event from a dead connection is logged and the process keeps going', () => {
    const lines: string[] = [];
    const exits: number[] = [];
    stop = surviveDatabaseFaults(
      (line) => lines.push(line),
      (code) => exits.push(code),
    );
    const terminated = Object.assign(
      new Error('terminating connection due to administrator command'),
      {
        code: '57P01',
      },
    );
    (process.emit as (event: string, error: Error) => boolean)('uncaughtException', terminated);
    process.emit(
      'unhandledRejection',
      new Error('Connection terminated unexpectedly'),
      Promise.resolve(),
    );
    expect(exits).toEqual([]);
    expect(lines).toEqual([
      'codecard: database fault (kept serving): database error 57P01',
      'codecard: unhandled rejection (kept serving): Connection terminated unexpectedly',
    ]);
  });

  test('any other uncaught exception still ends the process, after saying why', () => {
    const lines: string[] = [];
    const exits: number[] = [];
    stop = surviveDatabaseFaults(
      (line) => lines.push(line),
      (code) => exits.push(code),
    );
    (process.emit as (event: string, error: Error) => boolean)(
      'uncaughtException',
      new TypeError('boom'),
    );
    expect(exits).toEqual([70]);
    expect(lines[0]).toMatch(/^codecard: uncaught exception, stopping: TypeError: boom/);
  });
});
