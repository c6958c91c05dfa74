// The pull and push fixes write one RoleBinding shape; a user name YAML would misread stays one value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { roleBindingYaml } from '../../../src/providers/kubernetes/fixes.ts';

test('a RoleBinding for a user whose name YAML would misread parses back to that name, and only that subject', () => {
  for (const name of [
    'alice',
    'system:serviceaccount:ci:deployer',
    'ci: admin',
    'x # y',
    '- root',
    "{a: 'b'}",
  ]) {
    const binding = parse(
      roleBindingYaml(`image-pusher-${name}`, 'app', 'system:image-pusher', { kind: 'User', name }),
    );
    assert.deepEqual(binding.subjects, [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name }], name);
    assert.match(binding.metadata.name, /^[a-z0-9-]+$/);
    assert.equal(binding.roleRef.name, 'system:image-pusher');
  }
});
