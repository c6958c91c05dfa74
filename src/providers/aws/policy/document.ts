// IAM policy grammar, parsed once into a normalised form the evaluator can match quickly.
// Reference: IAM User Guide, "IAM JSON policy element reference".

export type Effect = 'Allow' | 'Deny';

export interface PatternList {
  /** `NotAction` / `NotResource` / `NotPrincipal`: the statement applies to what the list does NOT match. */
  readonly negated: boolean;
  readonly patterns: readonly string[];
}

export interface PrincipalList {
  readonly negated: boolean;
  /** `"Principal": "*"` or `{ "AWS": "*" }`. */
  readonly anyone: boolean;
  /** Values under `AWS` (ARNs or bare account ids). Service/Federated/CanonicalUser never name a role. */
  readonly aws: readonly string[];
  /** Values under `Service` (`lambda.amazonaws.com`): asked only by service-principal questions (service-match.ts). */
  readonly services: readonly string[];
  /** Values under `Federated` (an IAM OIDC or SAML provider ARN): asked only by web-identity questions (web-identity/). */
  readonly federated: readonly string[];
}

export interface Condition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export interface Statement {
  /** 1-based position in the document, for messages when there is no Sid. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  readonly actions: PatternList;
  /** Undefined when the statement has no Resource element (resource policies: the resource itself). */
  readonly resources?: PatternList;
  /** Undefined in identity policies. */
  readonly principals?: PrincipalList;
  readonly conditions: readonly Condition[];
  /** The statement as written, for fixes that show or merge it. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface PolicyDocument {
  readonly statements: readonly Statement[];
  readonly raw: Readonly<Record<string, unknown>>;
}

export class PolicyDocumentError extends Error {
  override name = 'PolicyDocumentError';
}

const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);

export function parsePolicyDocument(value: unknown): PolicyDocument {
  if (!isRecord(value)) throw new PolicyDocumentError('expected a policy document object with `Statement`');
  for (const key of Object.keys(value)) {
    if (!['Version', 'Id', 'Statement'].includes(key)) {
      throw new PolicyDocumentError(
        `unknown key \`${key}\` in the policy document; expected Version, Id, Statement`,
      );
    }
  }
  const statementValue = value['Statement'];
  if (statementValue === undefined) throw new PolicyDocumentError('the policy document has no `Statement`');
  const list = Array.isArray(statementValue) ? statementValue : [statementValue];
  return { statements: list.map((statement, i) => parseStatement(statement, i + 1)), raw: value };
}

function parseStatement(value: unknown, index: number): Statement {
  const where = `statement #${index}`;
  if (!isRecord(value)) throw new PolicyDocumentError(`${where}: expected an object`);
  for (const key of Object.keys(value)) {
    if (!STATEMENT_KEYS.has(key)) throw new PolicyDocumentError(`${where}: unknown key \`${key}\``);
  }
  const effect = value['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new PolicyDocumentError(`${where}: \`Effect\` must be "Allow" or "Deny"`);
  }
  const actions = patternList(value, 'Action', 'NotAction', where, true);
  if (!actions) throw new PolicyDocumentError(`${where}: needs \`Action\` or \`NotAction\``);
  const resources = patternList(value, 'Resource', 'NotResource', where, false);
  const principals = principalList(value, where);
  const sid = value['Sid'];
  if (sid !== undefined && typeof sid !== 'string')
    throw new PolicyDocumentError(`${where}: \`Sid\` must be a string`);
  return {
    index,
    ...(sid === undefined ? {} : { sid }),
    effect,
    actions,
    ...(resources ? { resources } : {}),
    ...(principals ? { principals } : {}),
    conditions: parseConditions(value['Condition'], where),
    raw: value,
  };
}

function patternList(
  statement: Record<string, unknown>,
  key: string,
  notKey: string,
  where: string,
  lowerCase: boolean,
): PatternList | undefined {
  if (statement[key] !== undefined && statement[notKey] !== undefined) {
    throw new PolicyDocumentError(`${where}: has both \`${key}\` and \`${notKey}\``);
  }
  const negated = statement[notKey] !== undefined;
  const written = negated ? statement[notKey] : statement[key];
  if (written === undefined) return undefined;
  const patterns = stringList(written, `${where}: \`${negated ? notKey : key}\``);
  return { negated, patterns: lowerCase ? patterns.map((pattern) => pattern.toLowerCase()) : patterns };
}

function principalList(statement: Record<string, unknown>, where: string): PrincipalList | undefined {
  if (statement['Principal'] !== undefined && statement['NotPrincipal'] !== undefined) {
    throw new PolicyDocumentError(`${where}: has both \`Principal\` and \`NotPrincipal\``);
  }
  const negated = statement['NotPrincipal'] !== undefined;
  const written = negated ? statement['NotPrincipal'] : statement['Principal'];
  if (written === undefined) return undefined;
  if (written === '*') return { negated, anyone: true, aws: [], services: [], federated: [] };
  if (!isRecord(written)) throw new PolicyDocumentError(`${where}: \`Principal\` must be "*" or an object`);
  const aws = written['AWS'] === undefined ? [] : stringList(written['AWS'], `${where}: \`Principal.AWS\``);
  const services =
    written['Service'] === undefined ? [] : stringList(written['Service'], `${where}: \`Principal.Service\``);
  const federated =
    written['Federated'] === undefined
      ? []
      : stringList(written['Federated'], `${where}: \`Principal.Federated\``);
  return {
    negated,
    anyone: aws.includes('*'),
    aws: aws.filter((entry) => entry !== '*'),
    services,
    federated,
  };
}

function parseConditions(value: unknown, where: string): Condition[] {
  if (value === undefined) return [];
  if (!isRecord(value)) throw new PolicyDocumentError(`${where}: \`Condition\` must be an object`);
  const conditions: Condition[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isRecord(block))
      throw new PolicyDocumentError(`${where}: condition \`${operator}\` must map keys to values`);
    for (const [key, values] of Object.entries(block)) {
      const list = (Array.isArray(values) ? values : [values]).map((item) => {
        if (typeof item === 'string') return item;
        if (typeof item === 'boolean' || typeof item === 'number') return String(item);
        throw new PolicyDocumentError(
          `${where}: condition \`${operator}\` \`${key}\` has a non-scalar value`,
        );
      });
      conditions.push({ operator, key, values: list });
    }
  }
  return conditions;
}

function stringList(value: unknown, what: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((item): item is string => typeof item === 'string')) {
    throw new PolicyDocumentError(`${what} must be a string or a non-empty list of strings`);
  }
  return list;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
