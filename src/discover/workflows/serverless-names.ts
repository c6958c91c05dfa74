// How deploy commands and actions name what they deploy: a Cloud Run service or job by its id or its full
// name `projects/P/locations/L/services/S` (or `/jobs/J`); a Lambda function by its name, its partial ARN
// `ACCOUNT:function:NAME` or its ARN `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`
// (Lambda API Reference, UpdateFunctionCode: FunctionName). Text may have holes: each part stays a hole.
import { isMissing, split, type Text } from './text.ts';

const known = (text: Text | undefined, value: string) =>
  text !== undefined && text.length === 1 && text[0] === value;

export function cloudRunName(written: Text | undefined): { name?: Text; project?: Text; region?: Text } {
  if (!written) return {};
  const fields = split(written, '/');
  if (
    fields.length === 6 &&
    known(fields[0], 'projects') &&
    known(fields[2], 'locations') &&
    (known(fields[4], 'services') || known(fields[4], 'jobs'))
  ) {
    return { name: fields[5]!, project: fields[1]!, region: fields[3]! };
  }
  return { name: written };
}

export function lambdaFunction(written: Text | undefined): { name?: Text; account?: Text; region?: Text } {
  if (!written) return {};
  const fields = split(written, ':');
  if (
    fields.length >= 7 &&
    known(fields[0], 'arn') &&
    known(fields[2], 'lambda') &&
    known(fields[5], 'function')
  )
    return { name: fields[6]!, account: fields[4]!, region: fields[3]! };
  if (fields.length >= 3 && known(fields[1], 'function')) return { name: fields[2]!, account: fields[0]! };
  // NAME[:QUALIFIER]: the qualifier (a version or alias) names no other function.
  return { name: fields[0]! };
}

/** A function's account: its ARN's, else that of the job's role when it is known; left out otherwise. */
export function functionAccount(
  fromArn: Text | undefined,
  roleAccount: Text | undefined,
): { account?: Text } {
  if (fromArn) return { account: fromArn };
  return roleAccount && !roleAccount.some(isMissing) ? { account: roleAccount } : {};
}
