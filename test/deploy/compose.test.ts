import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

// Docker is not run by the test suite: these check what can be checked without it, so the
// files cannot drift from the code and the guide unnoticed.
const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const guide = read('docs/deployment.md');

/** Variables only compose.yaml and the Caddyfile read. */
const composeOnly = ['POSTGRES_PASSWORD', 'CODECARD_SITE', 'CODECARD_HTTP_PORT'];

function sourceFiles(dir: string): string[] {
  return (
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      // Tests and test helpers (src/http/test-app.ts, src/db/test-databases.ts) are not the server.
      .filter(
        (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !/(^|\/)test-/.test(file),
      )
      .map((file) => join(dir, file))
  );
}
const serverSource = sourceFiles('src')
  .map((file) => read(file))
  .join('\n');
const documented = new Set([...guide.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]!));

describe('compose.yaml', () => {
  test('PostgreSQL 15 with a volume and a health check', () => {
    const postgres = services.postgres!;
    expect(postgres.image).toBe('postgres:15');
    expect(postgres.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(postgres.healthcheck?.test?.join(' ')).toContain('pg_isready');
  });

  test('two HTTP-only app instances and a worker on one database and one blob volume', () => {
    for (const name of ['app-a', 'app-b']) {
      const app = services[name]!;
      expect(app.command).toEqual(['serve']);
      expect(app.environment?.CODECARD_RUN_JOBS).toBe('0');
      expect(app.healthcheck?.test?.join(' ')).toContain('/health/ready');
    }
    expect(services.worker!.command).toEqual(['worker']);
    for (const name of ['app-a', 'app-b', 'worker']) {
      const app = services[name]!;
      expect(app.build, name).toBe('.');
      expect(app.environment?.DATABASE_URL, name).toMatch(/@postgres:5432\//);
      const blobDir = app.environment?.CODECARD_BLOB_DIR;
      expect(app.volumes, name).toContain(`blobs:${blobDir}`);
      expect(app.depends_on?.postgres?.condition, name).toBe('service_healthy');
    }
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['pgdata', 'blobs']));
  });

  test('the proxy balances both instances and takes an unready one out', () => {
    const proxy = services.proxy!;
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(proxy.healthcheck?.test).toBeDefined();
    const caddyfile = read('deploy/Caddyfile');
    expect(caddyfile).toMatch(/reverse_proxy app-a:3000 app-b:3000/);
    expect(caddyfile).toMatch(/health_uri \/health\/ready/);
  });

  test('every variable compose sets is documented and read by the server', () => {
    for (const name of ['app-a', 'app-b', 'worker'])
      for (const variable of Object.keys(services[name]!.environment ?? {})) {
        expect(documented, variable).toContain(variable);
        const read = serverSource.includes(variable);
        expect(read, `${variable} is read by nothing in src/`).toBe(true);
      }
    for (const variable of composeOnly) expect(documented, variable).toContain(variable);
  });
});

test('every variable the server reads is in the deployment guide', () => {
  const names = new Set(
    [...serverSource.matchAll(/\b(?:env\.|process\.env\.)([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!),
  );
  expect(names.size).toBeGreaterThan(20);
  // NODE_ENV is set around the web build, not configured.
  for (const name of names) if (name !== 'NODE_ENV') expect(documented, name).toContain(name);
});

test('the image: Node 20 slim, built with npm ci, not root, a liveness HEALTHCHECK', () => {
  const dockerfile = read('Dockerfile');
  expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
  expect(dockerfile).toMatch(/RUN npm ci/);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/health\/live/m);
  expect(read('.dockerignore')).toMatch(/^node_modules$/m);
});
