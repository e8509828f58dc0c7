import '@testing-library/jest-dom/vitest';

// The wizard's path reads the policy figures of the content (src/wizard/answers.ts setWizardPolicy), as
// the app sets them once the content is loaded. Only content/policy.yaml is read here, not all the content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONTENT_DIR } from '../src/content/load';
import { PolicySchema } from '../src/content/schema';
import { setWizardPolicy } from '../src/wizard/answers';

setWizardPolicy(PolicySchema.parse(parse(readFileSync(join(CONTENT_DIR, 'policy.yaml'), 'utf8'))));
