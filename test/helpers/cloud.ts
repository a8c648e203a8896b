/** The data the cloud-bill import tests share. */
import { fixtureCopy, replaceIn } from './fixtures.js';

/** The authoring fixture, alpha-hub billed to the shared project (label 'alpha'), and a hub for beta. */
export function billedData(): string {
  const root = fixtureCopy('authoring');
  replaceIn(
    root,
    'partners/alpha/partner.md',
    'launched: 2025-03-01 }',
    'launched: 2025-03-01, billing: { gcp_project: shared-hubs-01, tag: alpha } }',
  );
  replaceIn(
    root,
    'partners/beta/partner.md',
    'stage: proposal',
    'hubs:\n  - { id: beta-lab, cloud: gcp, billing: { gcp_project: beta-lab-prj, aws_account: "444455556666" } }\n' +
      'stage: proposal',
  );
  return root;
}
