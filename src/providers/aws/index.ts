// Amazon Web Services as pullcheck knows it: ECR's registries, the AWS targets whose roles pull, and where
// its rules, live reads and login are (loaded when a check needs them). The config contract reads this
// definition, so it imports only data: the schema fragment, the registries, the live-facts join.
import type { ProviderDefinition } from '../../core/provider.ts';
import { awsLiveFacts } from './live-facts.ts';
import { AWS_PLATFORMS } from './platforms.ts';
import { ecrPublicRegistry, ecrRegistry } from './registry.ts';
import { awsSchema } from './schema.ts';

export const aws: ProviderDefinition<typeof awsSchema> = {
  name: 'aws',
  schema: awsSchema,
  platforms: [...AWS_PLATFORMS],
  registries: [ecrRegistry, ecrPublicRegistry],
  // IAM principals are ARNs (the schema requires role ARNs).
  ownsPrincipal: (principal) => principal.startsWith('arn:'),
  // Eager: the bundle keeps the rules in the chunk that loads this definition (every check needs them).
  rules: () => import(/* webpackMode: "eager" */ './rules.ts'),
  liveReads: () => import('./live-reads.ts'),
  liveFacts: awsLiveFacts,
  login: () => import('./registry-login.ts'),
  actionInputs: [
    { name: 'aws-role-arn', shape: /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, expected: 'an IAM role ARN' },
    { name: 'aws-region', shape: /^[a-z]{2}(-[a-z]+)+-\d+$/, expected: 'an AWS region' },
  ],
  credentialHint: 'set aws-role-arn, or configure credentials earlier in the job',
  federatedInputs: (inputs) => (inputs['aws-role-arn'] ? ['aws-role-arn'] : []),
};
