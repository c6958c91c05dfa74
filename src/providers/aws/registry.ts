// Amazon ECR's registries as image references name them: private ECR by its account and Region hosts
// (standard, FIPS, dual-stack, China), and ECR Public, whose images anyone may pull.
import type { ImageReference, RegistryLocation } from '../../core/image-reference.ts';
import type { RegistryDefinition } from '../../core/registries.ts';

export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface EcrLocation extends RegistryLocation {
  readonly kind: 'ecr';
  readonly account: string;
  readonly region: string;
  readonly partition: AwsPartition;
  readonly fips: boolean;
  readonly dualStack: boolean;
  readonly repository: string;
}

export interface EcrPublicLocation extends RegistryLocation {
  readonly kind: 'ecr-public';
  readonly alias: string;
  readonly repository: string;
}

const AWS_REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
const ECR_HOST = new RegExp(`^(\\d{12})\\.dkr\\.ecr(-fips)?\\.${AWS_REGION}\\.amazonaws\\.com(\\.cn)?$`);
const ECR_DUAL_STACK_HOST = new RegExp(`^(\\d{12})\\.dkr-ecr(-fips)?\\.${AWS_REGION}\\.on\\.aws$`);
const ECR_PUBLIC_HOST = 'public.ecr.aws';

export const ecrRegistry: RegistryDefinition = {
  kind: 'ecr',
  locate(host, components): EcrLocation | undefined {
    const ecr = ECR_HOST.exec(host) ?? ECR_DUAL_STACK_HOST.exec(host);
    if (!ecr) return undefined;
    const [, account = '', fipsSuffix, region = '', chinaSuffix] = ecr;
    const partition = awsPartition(region);
    const [fips, dualStack] = [fipsSuffix !== undefined, host.endsWith('.on.aws')];
    // China regions are only reachable under amazonaws.com.cn (and nothing else is); a mismatch is not ECR.
    if (!dualStack && (partition === 'aws-cn') !== (chinaSuffix !== undefined)) return undefined;
    return { kind: 'ecr', account, region, partition, fips, dualStack, repository: components.join('/') };
  },
};

export const ecrPublicRegistry: RegistryDefinition = {
  kind: 'ecr-public',
  locate(host, components, fail): EcrPublicLocation | undefined {
    if (host !== ECR_PUBLIC_HOST) return undefined;
    const [alias = '', ...repository] = components;
    if (repository.length === 0) {
      fail('an ECR Public path needs an alias and a repository', `${host}/ALIAS/REPOSITORY`);
    }
    return { kind: 'ecr-public', alias, repository: repository.join('/') };
  },
};

/** The image's private ECR repository, when it is in one. */
export function ecrLocationOf(image: ImageReference): EcrLocation | undefined {
  return image.registry.kind === 'ecr' ? (image.registry as EcrLocation) : undefined;
}

export function awsPartition(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}
