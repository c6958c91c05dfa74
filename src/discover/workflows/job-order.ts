// The order the runner runs a workflow's jobs in: each after the jobs it `needs`.
import { record } from './steps.ts';

export function needsOf(job: Record<string, unknown>): string[] {
  const needs = job['needs'];
  return Array.isArray(needs) ? needs.map(String) : typeof needs === 'string' ? [needs] : [];
}

/** Jobs ordered so each comes after the jobs it `needs`; a cycle keeps the written order. */
export function inNeedsOrder(jobs: Record<string, unknown>): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (ordered.includes(id) || visiting.has(id) || !(id in jobs)) return;
    visiting.add(id);
    for (const need of needsOf(record(jobs[id]))) visit(need);
    ordered.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id);
  return ordered;
}
