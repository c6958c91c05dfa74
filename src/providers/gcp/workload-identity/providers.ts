// The workload identity pool providers in facts.gcp.workloadIdentityProviders, their CEL parsed once: an
// expression that is not CEL is a config error at its line. (Live reads check the CEL they read first and write
// a provider pullcheck cannot parse as `unreadable`, with the reason: Google accepted it, pullcheck fell short.)
import type { LoadedConfig } from '../../../core/config/load.ts';
import { ConfigError } from '../../../core/errors.ts';
import { CelError, parseCel, type CelNode } from './cel-parse.ts';
import type { GcpFactsInput } from '../schema.ts';

export interface PreparedProvider {
  readonly name: string;
  /** google.subject / google.groups / attribute.NAME → its parsed expression, with its text. */
  readonly mapping: ReadonlyMap<string, { readonly text: string; readonly node: CelNode }>;
  readonly condition?: { readonly text: string; readonly node: CelNode };
  readonly issuerUri?: string;
  readonly allowedAudiences: readonly string[];
  /** Why logins through it cannot work: the provider or its pool deleted or disabled. */
  readonly inactive?: string;
  /** Whether the pool's state is given (`pool`). */
  readonly poolKnown: boolean;
}

export type ProviderFact = PreparedProvider | { readonly name: string; readonly unreadable: string };

export function prepareWorkloadIdentityProviders(
  config: LoadedConfig,
  input: GcpFactsInput,
): ReadonlyMap<string, ProviderFact> {
  const providers = new Map<string, ProviderFact>();
  for (const [i, entry] of (input.workloadIdentityProviders ?? []).entries()) {
    if (providers.has(entry.name)) continue; // the config's entry comes first and wins over a live one
    if (entry.unreadable !== undefined) {
      providers.set(entry.name, { name: entry.name, unreadable: entry.unreadable });
      continue;
    }
    const at = (...path: (string | number)[]) =>
      config.locate(['facts', 'gcp', 'workloadIdentityProviders', i, ...path]);
    try {
      const mapping = new Map(
        Object.entries(entry.attributeMapping ?? {}).map(([key, text]) => {
          const node = parsed(text, () => at('attributeMapping', key), `attributeMapping ${key}`);
          return [key, { text, node }] as const;
        }),
      );
      const condition =
        entry.attributeCondition === undefined || entry.attributeCondition.trim() === ''
          ? undefined
          : {
              text: entry.attributeCondition,
              node: parsed(entry.attributeCondition, () => at('attributeCondition'), 'attributeCondition'),
            };
      const inactive = inactiveBecause(entry);
      providers.set(entry.name, {
        name: entry.name,
        mapping,
        ...(condition ? { condition } : {}),
        ...(entry.oidc?.issuerUri === undefined ? {} : { issuerUri: entry.oidc.issuerUri }),
        allowedAudiences: entry.oidc?.allowedAudiences ?? [],
        poolKnown: entry.pool !== undefined,
        ...(inactive === undefined ? {} : { inactive }),
      });
    } catch (error) {
      if (!(error instanceof ParseProblem)) throw error;
      throw new ConfigError({ where: error.where(), message: error.message });
    }
  }
  return providers;
}

class ParseProblem extends Error {
  constructor(
    message: string,
    readonly where: () => ReturnType<LoadedConfig['locate']>,
  ) {
    super(message);
  }
}

function parsed(text: string, where: () => ReturnType<LoadedConfig['locate']>, what: string): CelNode {
  try {
    return parseCel(text);
  } catch (error) {
    if (!(error instanceof CelError)) throw error;
    throw new ParseProblem(`${what} is not a CEL expression: ${error.message}: ${text}`, where);
  }
}

function inactiveBecause(entry: NonNullable<GcpFactsInput['workloadIdentityProviders']>[number]) {
  if (entry.state === 'DELETED') return `the provider ${entry.name} is deleted (state DELETED)`;
  if (entry.disabled === true) return `the provider ${entry.name} is disabled`;
  const pool = entry.name.slice(0, entry.name.indexOf('/providers/'));
  if (entry.pool?.state === 'DELETED') return `its pool ${pool} is deleted (state DELETED)`;
  if (entry.pool?.disabled === true) return `its pool ${pool} is disabled`;
  return undefined;
}
