// The region an AWS call of a step uses, as the AWS CLI and SDKs pick it: the region the call names
// (`--region`, an action's region input), else AWS_REGION, else AWS_DEFAULT_REGION (configure-aws-credentials
// exports both; a step's own `env:` wins over the job's), else the region the job's credentials step set.
import type { JobFacts } from '../actions/call.ts';
import { missing, type Text } from '../text.ts';

export function awsRegionOf(
  given: Text | undefined,
  environment: ReadonlyMap<string, Text>,
  facts: JobFacts | undefined,
  hint = 'pass --region or set AWS_REGION',
): Text {
  return (
    given ??
    environment.get('AWS_REGION') ??
    environment.get('AWS_DEFAULT_REGION') ??
    facts?.awsRegion ?? [missing('the AWS region', hint)]
  );
}
