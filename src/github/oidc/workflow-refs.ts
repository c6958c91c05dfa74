// `workflow_ref` and `job_workflow_ref`: OWNER/REPO/PATH@REF of the workflow that starts the run, and of
// the file that defines the job ("Using OpenID Connect with reusable workflows"): the caller's file at the
// run's ref; a local `./…` callee at the caller's ref too; another repository's at the ref `uses:` names.
import type { Claim } from '../../core/ci-path.ts';
import { exact, joinClaims, pattern, unknown } from './claims.ts';
import type { CallerWorkflow } from './context.ts';

const FULL_SHA = /^[0-9a-f]{40}$/i;

export const repoPath = (path: string): string => path.replace(/^\.\//, '');

/** `owner/repo/.github/workflows/x.yml@v1` split; undefined for a local `./` path or nonsense. */
function remoteUses(uses: string): { readonly file: string; readonly ref: string } | undefined {
  const at = uses.lastIndexOf('@');
  if (uses.startsWith('./') || at <= 0) return undefined;
  return { file: uses.slice(0, at), ref: uses.slice(at + 1) };
}

/** The ref GitHub writes after `@` for a callee in another repository. */
function calledRef(written: string, resolved: string | undefined): Claim {
  if (resolved !== undefined) return exact(resolved);
  if (written.startsWith('refs/') || FULL_SHA.test(written)) return exact(written);
  return pattern(
    `refs/*/${written}`,
    `\`@${written}\` may name a branch (refs/heads/${written}) or a tag (refs/tags/${written})`,
  );
}

export function workflowRef(repository: string, path: string, ref: Claim): Claim {
  return joinClaims([`${repository}/${repoPath(path)}@`, ref]);
}

/** job_workflow_ref for a job in `jobFile`, called (or not) by `caller`, in a run on `ref`. */
export function jobWorkflowRef(
  repository: string,
  jobFile: string,
  caller: CallerWorkflow | undefined,
  ref: Claim,
): Claim {
  if (caller === undefined) return workflowRef(repository, jobFile, ref);
  if (caller.uses.startsWith('./')) return workflowRef(repository, caller.uses, ref);
  const remote = remoteUses(caller.uses);
  if (remote === undefined) {
    return unknown(`\`uses: ${caller.uses}\` names no reusable workflow pullcheck can read`);
  }
  return joinClaims([`${remote.file}@`, calledRef(remote.ref, caller.resolvedRef)]);
}
