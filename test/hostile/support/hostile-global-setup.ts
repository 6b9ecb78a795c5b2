import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { redeemInvite } from '../../e2e/admin-account.ts';
import { starterLibraryReady } from '../../support/starter-library-ready.ts';
import { HostileServer } from './hostile-server.ts';
import { clearCaseRecords, writeSummary } from './case-records.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped server's store (starter library + an administrator) that each file copies. */
    hostileTemplate: { dir: string; cookie: string };
  }
}

const hostileAdmin = {
  email: 'hostile-admin@example.org',
  password: 'correct horse battery staple',
  displayName: 'Hostile Admin',
};

let templateRoot = '';

/** Starts the server once on a fresh store, creates the administrator, stops it: the template. */
export async function setup(project: TestProject): Promise<void> {
  clearCaseRecords();
  templateRoot = mkdtempSync(join(tmpdir(), 'codecard-hostile-template-'));
  const { server, setupToken } = await HostileServer.fresh(templateRoot);
  try {
    if (!setupToken) throw new Error('the fresh server printed no setup link');
    const cookie = await redeemInvite(server.baseUrl, setupToken, hostileAdmin);
    // The template holds the whole starter library: the server imports it after listening.
    await starterLibraryReady(server.baseUrl);
    project.provide('hostileTemplate', { dir: server.store, cookie });
  } finally {
    await server.kill('SIGTERM');
  }
}

export function teardown(): void {
  writeSummary();
  if (templateRoot) rmSync(templateRoot, { recursive: true, force: true });
}
