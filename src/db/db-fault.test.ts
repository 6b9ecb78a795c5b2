import { describe, expect, test } from 'vitest';
import { dbFault, dbFaultError } from './db-fault.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('database faults', () => {
  test.each([
    ['admin shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['crash shutdown', withCode('terminating connection due to crash', '57P02')],
    ['starting up', withCode('the database system is starting up', '57P03')],
    ['connection exception class 08', withCode('connection failure', '08006')],
    ['refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['dead client', new Error('Client has encountered a connection error and is not queryable')],
  ])('%s: the database is unavailable (503, Retry-After)', (_name, error) => {
    expect(dbFault(error)).toBe('unavailable');
    const mapped = dbFaultError(error)!;
    expect(mapped.code).toBe('DATABASE_UNAVAILABLE');
    expect(mapped.status).toBe(503);
    expect(mapped.params.seconds).toBeGreaterThan(0);
  });

  test.each([
    ['Node ENOSPC', withCode('ENOSPC: no space left on device, write', 'ENOSPC')],
    ['PostgreSQL disk_full', withCode('could not extend file "base/5/16384"', '53100')],
    [
      'PGlite (PostgreSQL in WASM) text',
      new Error('could not write to file "pg_wal/xlogtemp.42": No space left on device'),
    ],
    ['wrapped', new Error('batch failed', { cause: withCode('write failed', 'ENOSPC') })],
    ['PGlite file system', Object.assign(new Error('FS error'), { name: 'ErrnoError', errno: 51 })],
  ])('%s: the disk is full (507, naming the file)', (_name, error) => {
    expect(dbFault(error)).toBe('disk-full');
    const mapped = dbFaultError(error, 'ptp.csv')!;
    expect(mapped.code).toBe('DISK_FULL');
    expect(mapped.status).toBe(507);
    expect(mapped.message).toMatch(/^ptp\.csv: no space left on the device .*rolled back/);
  });

  test('other failures are not database faults, and messages quoting values are not echoed', () => {
    expect(dbFault(withCode('duplicate key value violates unique constraint', '23505'))).toBe(null);
    expect(dbFault(new TypeError('x is undefined'))).toBe(null);
    expect(dbFault('a string')).toBe(null);
    const mapped = dbFaultError(withCode('FATAL: password for "secret-user" … shutdown', '57P01'))!;
    expect(mapped.message).not.toContain('secret-user');
  });
});
