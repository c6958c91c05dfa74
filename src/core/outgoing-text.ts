// What every text leaving the process goes through (stdout/stderr, report files, comment, summary,
// snapshot), so no renderer or log line can forget it:
// - credentials written into URLs (`https://user:token@host`, a registry endpoint, a `git clone` in a
//   script) or in front of an image reference (`user:pass@registry/app`) are cut out;
// - data can never start a line with `::`, which the Actions runner would take for a workflow command
//   (`::add-mask::`, `::set-output::`, `::stop-commands::`) when pullcheck runs in a `run:` step.

const REDACTED = 'REDACTED';

// scheme://userinfo@ — userinfo is everything up to the `@` before the host (RFC 3986 §3.2.1).
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,30}:\/\/)[^\s/?#@"'<>`\\]{1,2048}@/gi;
// user:password@host/… without a scheme: a name, a colon, a secret, `@`, then a host and a slash. A tag
// followed by a digest (`app:1.0@sha256:…`) has no host and slash after the `@`, so it stays.
const BARE_USERINFO =
  /(^|[\s"'=(,[{<`])([^\s/@"':<>`]{1,256}):([^\s/@"'<>`]{1,2048})@(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?\/)/gi;

/** The text with the credentials of every URL in it replaced by `REDACTED`. */
export function redactCredentials(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(URL_USERINFO, `$1${REDACTED}@`).replace(BARE_USERINFO, `$1${REDACTED}@`);
}

// The runner trims a line before it looks for `::` (actions/runner ActionCommandManager).
const COMMAND_LINE = /\n([ \t\f\v\u00a0\u2000-\u200a\u3000]*::)/g;

/**
 * The text with every line but the first that looks like a workflow command prefixed, so it prints as
 * data. The first line is the writer's own: pullcheck's messages and the workflow commands start there.
 */
export function guardWorkflowCommands(text: string): string {
  return text.includes('::') ? text.replace(COMMAND_LINE, '\n| $1') : text;
}

/** Both, for text bound for a log or a terminal. */
export function outgoing(text: string): string {
  return guardWorkflowCommands(redactCredentials(text));
}

/**
 * `value` with the credentials of every URL in its strings cut out. For the report model, before a renderer
 * escapes it: escaped text (`@` becomes `@&#8203;` in markdown) no longer looks like a URL. Only what changes
 * is copied (the input is never modified): a report of 100,000 pulls rarely holds a credential, and copying
 * it whole doubled its memory.
 */
export function redactStrings<T>(value: T): T {
  const seen = new Map<string, string>(); // reports repeat their strings: redact each text once
  const redacted = (node: unknown): unknown => {
    if (typeof node === 'string') {
      if (!node.includes('@')) return node;
      let text = seen.get(node);
      if (text === undefined) seen.set(node, (text = redactCredentials(node)));
      return text;
    }
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const next = redacted(node[i]);
        if (next !== node[i]) (copy ??= [...node])[i] = next;
      }
      return copy ?? node;
    }
    let copy: Record<string, unknown> | undefined;
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      const item = (node as Record<string, unknown>)[key];
      const next = redacted(item);
      if (next !== item) (copy ??= { ...node })[key] = next;
    }
    return copy ?? node;
  };
  return redacted(value) as T;
}

/**
 * Text bound for a terminal or a log: ANSI escapes removed, and every other control character — newlines
 * too — written as its escape (`\n`), so a value stays on its own line and cannot start a new one.
 */
export function escapeTerminal(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) => JSON.stringify(c).slice(1, -1))
  );
}

/** One argument for /bin/sh, as a pasted fix is run: single quotes, each ' written as '\''. */
export function shellQuoted(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
