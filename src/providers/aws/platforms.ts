import type { TargetInput } from '../../core/config/schema.ts';

/** The target platforms whose identities are AWS roles or services (and so the configs that need AWS live reads). */
export const AWS_PLATFORMS: ReadonlySet<TargetInput['platform']> = new Set([
  'eks',
  'ecs',
  'aws-role',
  'lambda',
]);
