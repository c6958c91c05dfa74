// What the permissions are generated for: exactly what the live reads of a check get (check/live-reads.ts),
// so the generated access covers the calls those reads send and no more.
import type { LiveReadContext } from '../core/provider.ts';

export type ReadPlan = Pick<LiveReadContext, 'config' | 'plan' | 'ciLogins' | 'ciPushes'>;

/** One IAM policy statement as AWS writes it. */
export interface AwsStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
}

export interface AwsPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly AwsStatement[];
}
