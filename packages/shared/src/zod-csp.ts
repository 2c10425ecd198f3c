import { z } from 'zod';

// zod compiles fast object parsers with `new Function` and probes for that while it builds each object
// schema. In the browser the app's Content-Security-Policy forbids eval (script-src 'self'), so the
// probe itself is reported as a violation: there, schemas are built without the compiler. This module
// is the first one index.ts loads, so it runs before any schema exists (a setting made later, e.g. in
// the web app's entry, comes too late: bundlers evaluate this package's chunk first). The server keeps
// the compiled parsers.
if ('document' in globalThis) z.config({ jitless: true });
