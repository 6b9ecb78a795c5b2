import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { buildApp, type CodecardApp } from './app.ts';
import { testContext } from '../../test/support/test-context.ts';

describe('the web app inside an EHR frame', () => {
  let opened: OpenDatabase;
  let built: CodecardApp;

  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite-memory' });
    built = await buildApp({
      ctx: testContext(opened),
      maxUploadBytes: 1 << 20,
      logLevel: 'silent',
      version: 't',
      frameAncestors: "'self' https://ehr.example.org",
      validateResponses: true,
    });
  });
  afterAll(async () => {
    await built.app.close();
    await opened.close();
  });

  test('pages carry a CSP with the configured frame-ancestors and no inline script', async () => {
    const response = await built.app.inject({ url: '/codes/cpt/62264' });
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("frame-ancestors 'self' https://ehr.example.org");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline'; script");
    expect(response.headers['x-frame-options']).toBeUndefined();
  });

  test('CODECARD_FRAME_ANCESTORS takes CSP sources only', () => {
    expect(loadConfig({}).frameAncestors).toBe("'self'");
    expect(
      loadConfig({ CODECARD_FRAME_ANCESTORS: "'self' https://ehr.example.org:8443" })
        .frameAncestors,
    ).toBe("'self' https://ehr.example.org:8443");
    expect(() => loadConfig({ CODECARD_FRAME_ANCESTORS: "'self'; script-src *" })).toThrow(
      /not a CSP source/,
    );
  });
});
