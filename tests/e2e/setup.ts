// The test process itself uses the wizard's code to build links and expectations (completeProfile,
// encodeShareFragment): like the app, it reads the policy figures of the content first.
import { loadContent } from '../../src/content/load';
import { setWizardPolicy } from '../../src/wizard/answers';

setWizardPolicy(loadContent().content.policy);
