import { z } from 'zod';

// zod compiles fast object parsers with `new Function` when it may, and probes for that at schema
// creation. The app's Content-Security-Policy forbids eval (script-src 'self'), so the probe itself
// would be reported as a violation: turn the compiler off before any schema is built. Imported first
// in main.tsx, ahead of every module that defines schemas.
z.config({ jitless: true });
