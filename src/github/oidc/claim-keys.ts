// The claim keys a subject template may name ("OpenID Connect reference": the claims GitHub adds, and the
// `repo` and `context` keys of Customizing the subject claims), and the ones that change from run to run.

/** Claims GitHub sets that differ between runs of the same trigger: any text, as far as a prediction goes. */
export const RUN_VARYING_CLAIMS: Readonly<Record<string, string>> = {
  actor: 'the account that starts the run',
  actor_id: 'the id of the account that starts the run',
  sha: 'the commit the run is for',
  run_id: 'the run',
  run_number: 'the run',
  run_attempt: 'the run attempt',
  check_run_id: 'the run',
  workflow_sha: 'the commit of the workflow file',
  job_workflow_sha: 'the commit of the job workflow file',
};

/** Claims pullcheck does not know offline, with how to learn them. */
export const UNPREDICTED_CLAIMS: Readonly<Record<string, string>> = {
  workflow: "the workflow's name: pullcheck does not read it into the token",
  repository_visibility: 'the repository visibility: set facts.github.oidc.repositoryVisibility',
  runner_environment: 'github-hosted or self-hosted, by the runner the job lands on',
  ref_protected: 'whether the ref is protected: not among the facts pullcheck reads',
  enterprise: 'the enterprise: not among the facts pullcheck reads',
  enterprise_id: 'the enterprise: not among the facts pullcheck reads',
};

/** Every key `include_claim_keys` may name, besides `repo_property_*` custom properties. */
export const SUBJECT_CLAIM_KEYS: readonly string[] = [
  'repo',
  'context',
  'base_ref',
  'environment',
  'event_name',
  'head_ref',
  'job_workflow_ref',
  'ref',
  'ref_type',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'workflow_ref',
  ...Object.keys(RUN_VARYING_CLAIMS),
  ...Object.keys(UNPREDICTED_CLAIMS),
];

export const CUSTOM_PROPERTY_KEY = /^repo_property_[A-Za-z0-9_-]+$/;

export function isSubjectClaimKey(key: string): boolean {
  return SUBJECT_CLAIM_KEYS.includes(key) || CUSTOM_PROPERTY_KEY.test(key);
}
