// Which pulls no policy can allow: across AWS partitions.
import type { Verdict } from '../../core/verdict.ts';
import type { EcrRepositoryLocation } from './ecr-pull.ts';

// AWS partitions (aws, aws-cn, aws-us-gov, …) are isolated: an identity of one is never authorized for a
// resource of another, whatever the policies say (AWS Fault Isolation Boundaries, "Partitions":
// https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html; IAM User
// Guide, "IAM identifiers": ARNs carry the partition).
const PARTITIONS_DOC =
  'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html';

export function crossPartition(roleArn: string, partition: string, location: EcrRepositoryLocation): Verdict {
  return {
    verdict: 'denied',
    reasons: [
      `role ${roleArn} is in partition ${partition} and repository ${location.repository} (${location.account}, ${location.region}) in partition ${location.partition}: partitions are isolated, no policy lets an identity of one pull from another (${PARTITIONS_DOC})`,
    ],
    missing: [
      {
        side: 'identity',
        permissions: [],
        fix: {
          text: `Pull with a role of partition ${location.partition}, or copy the image to an ECR repository in partition ${partition} and deploy that one.`,
          snippets: {},
        },
      },
    ],
  };
}
