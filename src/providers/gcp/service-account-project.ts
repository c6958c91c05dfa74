// The project a service account belongs to, read from its email: user-managed (NAME@PROJECT.iam.gserviceaccount.com),
// App Engine default (PROJECT@appspot.gserviceaccount.com), Compute Engine default
// (NUMBER-compute@developer.gserviceaccount.com). Source: IAM "Service accounts", "Service account types".
import type { GcpFacts } from './facts.ts';

/** The project of a service account, from its email (user-managed, default compute, App Engine). */
export function serviceAccountProject(
  email: string,
  facts: Pick<GcpFacts, 'projects' | 'projectsByNumber'>,
):
  | {
      readonly id?: string;
      readonly number?: string;
      readonly ancestors?: readonly string[];
      readonly unreadable?: string;
    }
  | undefined {
  const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
  const local = email.slice(0, email.indexOf('@'));
  const userManaged = /^([a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(domain)?.[1];
  if (userManaged) return facts.projects.get(userManaged) ?? { id: userManaged };
  const appEngine = /^([a-z0-9-]+)@appspot\.gserviceaccount\.com$/.exec(`${local}@${domain}`)?.[1];
  if (appEngine) return facts.projects.get(appEngine) ?? { id: appEngine };
  const compute = /^(\d+)-compute@developer\.gserviceaccount\.com$/.exec(`${local}@${domain}`)?.[1];
  if (compute) return facts.projectsByNumber.get(compute) ?? { number: compute };
  return undefined;
}
