// zod, set up once: no `new Function` (its JIT probe), so a strict Content-Security-Policy
// without 'unsafe-eval' raises no violation. Import z from here, not from 'zod'.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
