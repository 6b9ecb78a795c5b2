/**
 * The layers, lowest first. A folder may import its own layer and the layers below it, never
 * above: domain <- base <- infrastructure <- access (accounts) <- library (intake) <- codes/rules/claims/facts/fees/changes
 * <- sync <- cards/ask/check/performance/ehr (compose) <- http/cli/web (present, not listed: nothing may
 * import them). Tests, benchmarks and scripts may reach anything, but cycles are forbidden
 * everywhere.
 */
const layers = [
  { name: 'domain', folders: ['domain'] },
  { name: 'base', folders: ['errors', 'i18n', 'config', 'contracts'] },
  { name: 'infrastructure', folders: ['db', 'jobs'] },
  { name: 'access', folders: ['access'] },
  { name: 'intake', folders: ['library'] },
  { name: 'facts', folders: ['codes', 'rules', 'claims', 'facts', 'fees', 'changes'] },
  { name: 'release-sync', folders: ['sync'] },
  { name: 'compose', folders: ['cards', 'ask', 'check', 'performance', 'ehr'] },
];

const folderPattern = (folders) => `^src/(${folders.join('|')})/`;

const layerRules = layers.map((layer, at) => {
  const below = layers.slice(0, at).flatMap((lower) => lower.folders);
  return {
    name: `layer-${layer.name}`,
    comment: `${layer.folders.join(', ')} may import only ${below.join(', ') || 'nothing in the project'} (and itself)`,
    severity: 'error',
    from: { path: folderPattern(layer.folders), pathNot: '\\.test\\.tsx?$' },
    to: { path: '^(src|web|test|bench)/', pathNot: folderPattern([...below, ...layer.folders]) },
  };
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'events-only-at-the-edge',
      comment:
        'Usage events are an EventSink passed in; only the composition roots (http, cli) build the recorder.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(events|http|cli)/', '\\.test\\.tsx?$'] },
      to: { path: '^src/events/' },
    },
    {
      name: 'web-app-imports-only-contracts',
      comment:
        'The SPA imports the shared contracts and domain vocabulary, never server internals.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: '^src/(contracts|domain)/' },
    },
    {
      name: 'server-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['\\.test\\.tsx?$', '^test/'] },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'web/dist', 'bench/out'] },
  },
};
