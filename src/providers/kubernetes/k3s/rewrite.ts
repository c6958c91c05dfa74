// A mirror's `rewrite` entries: regular expressions over the repository path (not the tag), applied on mirror
// endpoints only (k3s docs "Rewrites"; rancher/wharfie registries.go rewrite). Each pattern replaces every
// match, with Go's regexp template syntax ($1, ${1}, $name); patterns are tried in no fixed order.

/** The repository asked for at a mirror; `ambiguous` when two patterns rewrite it differently. */
export type Rewritten =
  { readonly repository: string; readonly rewritten: boolean } | { readonly ambiguous: readonly string[] };

export function rewriteRepository(
  repository: string,
  rewrites: Readonly<Record<string, string>> | undefined,
): Rewritten {
  const results = new Set<string>();
  for (const [pattern, template] of Object.entries(rewrites ?? {})) {
    let expression: RegExp;
    try {
      expression = new RegExp(pattern, 'g');
    } catch {
      continue; // the registries file rejects such a pattern when it is read
    }
    const result = replaceAll(repository, expression, template);
    if (result !== repository) results.add(result);
  }
  const [only, ...others] = [...results];
  if (only === undefined) return { repository, rewritten: false };
  return others.length === 0 ? { repository: only, rewritten: true } : { ambiguous: [only, ...others] };
}

/**
 * Go's Regexp.ReplaceAllString: every match, left to right, except an empty match right after the previous
 * match ("(.*)" on "a/b" matches once, where JavaScript's replace would also match the empty end).
 */
function replaceAll(text: string, expression: RegExp, template: string): string {
  let result = '';
  let copied = 0;
  let previousEnd = -1;
  expression.lastIndex = 0;
  for (let match = expression.exec(text); match; match = expression.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0] === '') expression.lastIndex = start + 1;
    if (match[0] === '' && start === previousEnd) continue;
    result += text.slice(copied, start) + expand(template, match);
    copied = end;
    previousEnd = end;
    if (start >= text.length) break;
  }
  return result + text.slice(copied);
}

/** Go's Regexp.Expand: $1 and ${1} are groups, $name the longest run of letters, digits and _; $$ is $. */
function expand(template: string, match: RegExpExecArray): string {
  const group = (name: string): string =>
    /^\d+$/.test(name) ? (match[Number(name)] ?? '') : (match.groups?.[name] ?? '');
  return template.replace(/\$(?:\$|\{(\w+)\}|(\w+))/g, (whole, braced?: string, bare?: string) =>
    whole === '$$' ? '$' : group(braced ?? bare ?? ''),
  );
}
