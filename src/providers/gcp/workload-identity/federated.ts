// A federated identity from a workload identity pool, and which IAM members include it. Source: IAM docs
// "Principal identifiers" (workload identity pools): one subject, principal://iam.googleapis.com/POOL/subject/S;
// all identities of a pool, principalSet://iam.googleapis.com/POOL/*; by a mapped attribute,
// principalSet://…/POOL/attribute.NAME/VALUE (one attribute, its value exact, `*` not a wildcard); by group,
// principalSet://…/POOL/group/GROUP (google.groups).
import type { Membership } from '../members.ts';
import type { MemberTest } from '../iam-grant.ts';
import { equals, membership, str, type CelValue } from './cel-values.ts';

export interface FederatedIdentity {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL */
  readonly pool: string;
  /** The mapped google.subject (a string, or a glob when the token is one of many). */
  readonly subject: CelValue;
  /** Mapped attribute.NAME values by NAME. */
  readonly attributes: ReadonlyMap<string, CelValue>;
  /** Mapped google.groups, when mapped. */
  readonly groups?: CelValue;
}

const IAM = 'iam.googleapis.com';

/** The principal the identity is, as IAM names it (a glob subject is written as its pattern). */
export function federatedPrincipal(identity: FederatedIdentity): string {
  const subject =
    identity.subject.k === 'string'
      ? identity.subject.value
      : identity.subject.k === 'glob'
        ? identity.subject.pattern
        : '?';
  return `principal://${IAM}/${identity.pool}/subject/${subject}`;
}

export function poolOf(provider: string): string {
  return provider.slice(0, provider.indexOf('/providers/'));
}

/** The member test for every identity the login may give (all must be included for `yes`). */
export function federatedMemberTest(identities: readonly FederatedIdentity[]): MemberTest {
  return (member) => {
    const answers = identities.map((identity) => includes(member, identity));
    if (answers.some((answer) => answer.result === 'no')) return { result: 'no' };
    return answers.find((answer) => answer.result === 'unknown') ?? { result: 'yes' };
  };
}

function includes(member: string, identity: FederatedIdentity): Membership {
  if (member === 'allUsers') return { result: 'yes' };
  if (member === 'allAuthenticatedUsers') {
    return {
      result: 'unknown',
      missingFact:
        'whether allAuthenticatedUsers includes identities federated from a workload identity pool',
    };
  }
  const subjectPrefix = `principal://${IAM}/${identity.pool}/subject/`;
  if (member.startsWith(subjectPrefix))
    return tri(equals(identity.subject, str(member.slice(subjectPrefix.length))), member);
  const setPrefix = `principalSet://${IAM}/${identity.pool}/`;
  if (!member.startsWith(setPrefix)) return { result: 'no' };
  const rest = member.slice(setPrefix.length);
  if (rest === '*') return { result: 'yes' };
  if (rest.startsWith('group/')) {
    if (!identity.groups) return { result: 'no' };
    return tri(membership(str(rest.slice('group/'.length)), identity.groups), member);
  }
  const attribute = /^attribute\.([a-z_][a-z0-9_]*)\/(.+)$/i.exec(rest);
  if (!attribute) return { result: 'no' };
  const value = identity.attributes.get(attribute[1]!);
  if (!value) return { result: 'no' }; // an attribute the provider does not map is never set
  return tri(equals(value, str(attribute[2]!)), member);
}

function tri(value: CelValue, member: string): Membership {
  if (value.k === 'bool' && value.value !== 'unknown') return { result: value.value };
  if (value.k === 'error') return { result: 'no' };
  const why = value.k === 'bool' || value.k === 'unknown' ? value.why.join('; ') : '';
  return { result: 'unknown', missingFact: `whether the token is in ${member}: ${why}` };
}
