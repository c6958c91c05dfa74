// A GKE node pool read live as running with "default" (the Compute Engine default service account) is
// named only through its project's number; when that number could not be read the pull is unknown with the
// reason, never decided for a principal called serviceAccount:default.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSinglePull } from '../../helpers/check.ts';

test('a pool running as "default" with an unreadable project number is unknown, naming why', () => {
  const result = checkSinglePull(
    [
      'version: 1',
      'images: [europe-west2-docker.pkg.dev/acme-prod/apps/web:1]',
      'targets: [{ name: prod, platform: gke, project: acme-prod, location: europe-west2, cluster: prod }]',
      'facts:',
      '  gcp:',
      "    projects: [{ id: acme-prod, unreadable: 'resourcemanager.projects.get was refused' }]",
      '    clusters:',
      '      - project: acme-prod',
      '        location: europe-west2',
      '        name: prod',
      "        nodePools: [{ name: pool-1, serviceAccount: default, scopes: ['https://www.googleapis.com/auth/cloud-platform'] }]",
      '',
    ].join('\n'),
  );
  assert.equal(result.verdict, 'unknown');
  assert.equal(result.principal, 'gke:prod');
  assert.match(
    result.reasons.join(' '),
    /node service account of prod is not known.*resourcemanager\.projects\.get was refused/,
  );
});
