// `npm ci`/`npm install` (the prepare script): the migrated empty embedded database that a
// first start copies instead of running initdb and the migrations (src/db/pglite-template.ts).
import { openDatabase } from '../src/db/database.ts';
import { ensurePGliteTemplate } from '../src/db/pglite-template.ts';

await ensurePGliteTemplate(async (dataDir) => {
  const opened = await openDatabase({ kind: 'pglite', dataDir });
  await opened.close();
});
