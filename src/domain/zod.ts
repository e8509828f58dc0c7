// zod, set up once: no `new Function` (its JIT probe), so a strict Content-Security-Policy
// without 'unsafe-eval' raises no violation. Import z from here, not from 'zod'.
//
// Two flavours of the same library: `z` (zod/mini) for what the browser checks (profiles, share
// links, saved progress, intake files): a fraction of the code to load and much faster to set up
// on a phone; `zc` (zod classic, chainable) for the content schemas, which only run at build time
// and in the CLI. Both share one configuration.
import * as z from 'zod/mini';
import { z as zc } from 'zod';

z.config({ jitless: true });

/** `z`: zod/mini, jitless (browser-side checks); `zc`: classic zod, same configuration (content schemas). */
export { z, zc };
