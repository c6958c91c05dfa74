// What the CI-path tests share: a repository with workflow files and a config, a GitHub trust policy, a
// config stating the deploy role and its repository, and the whole check with the CI rows.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { ciSites } from '../../src/check/ci-sites.ts';
import { loadConfigFile } from '../../src/core/config/load.ts';
import type { FailOn, Report } from '../../src/core/report-model.ts';
import { discover } from '../../src/discover/index.ts';
import { checkConfig } from './check.ts';

export const ACCOUNT = '123456789012';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/deploy`;
export const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
export const ECR = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;

/** A repository with the given files and `.github/pullcheck.yml`; returns the config's path. */
export function repositoryWith(files: Record<string, string>, config: unknown): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-ci-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, '.github'), { recursive: true });
  writeFileSync(path.join(root, '.github', 'pullcheck.yml'), stringify(config));
  return path.join(root, '.github', 'pullcheck.yml');
}

/** A trust policy letting GitHub's OIDC provider of ACCOUNT assume the role under `condition`. */
export function githubTrust<Condition extends Record<string, unknown>>(condition: Condition) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      },
    ],
  };
}

/** A config stating the deploy role (with `trust`), GitHub's provider, the pushed repository and the subject template. */
export function awsCiConfig(trust: unknown, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    discover: { workflows: ['workflows/*.yml'], variables: { 'github.repository': 'acme/shop' } },
    facts: {
      github: { oidc: { subClaim: { useDefault: true, prefix: 'repo:acme/shop' } } },
      aws: {
        oidcProviders: [{ arn: PROVIDER, clientIds: ['sts.amazonaws.com'] }],
        roles: [
          {
            arn: ROLE,
            managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser'],
            trustPolicy: trust,
          },
        ],
        repositories: [{ arn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/shop/api`, policy: null }],
      },
    },
    ...extra,
  };
}

/** Discovery, then the whole check with the CI rows, as the CLI runs it offline. */
export function checkCi(
  configFile: string,
  failOn: FailOn = 'denied',
  env: Record<string, string> = {},
): Report {
  const found = discover(loadConfigFile(configFile), { env });
  return checkConfig(found.config, { failOn, ci: ciSites(found.ciLogins, found.config) });
}
