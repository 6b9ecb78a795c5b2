// `npm ci`/`npm install` (the prepare script): the empty embedded database a first start
// copies instead of running initdb (src/db/pglite-template.ts).
import { makePGliteTemplate } from '../src/db/pglite-initdb.ts';

await makePGliteTemplate();
