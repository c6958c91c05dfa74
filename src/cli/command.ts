// `pullcheck check` and `pullcheck schema` (SPEC §5). Exit codes: 0 gate passed, 1 gate failed, 2 bad input.
import { parseArgs } from 'node:util';
import { checkPulls } from '../check/pipeline.ts';
import { discoveredConfig, gitHubToken } from './discovered-config.ts';
import { configJsonSchema } from '../core/config/schema.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import { ConfigError } from '../core/errors.ts';
import { outgoing } from '../core/outgoing-text.ts';
import { VERSION } from '../version.ts';
import { quotedValue } from '../core/quoted-value.ts';
import { FAIL_ON, type Report } from '../core/report-model.ts';
import { jsonReportChunks } from '../report/json.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { renderSarif } from '../report/sarif.ts';
import { renderText, summaryLine } from '../report/text.ts';
import { writeChunks } from '../report/write-file.ts';

import { oneOf, UsageError, type CliIo, type ListedCommand } from './command-kit.ts';

export type { CliIo } from './command-kit.ts';

// Each format as the pieces it is written in: only JSON reports grow large enough to be written piecewise.
const FORMATS = {
  json: jsonReportChunks,
  markdown: (report: Report) => [renderMarkdown(report)],
  text: (report: Report) => [renderText(report)],
  sarif: (report: Report) => [renderSarif(report)],
} as const;
type Format = keyof typeof FORMATS;

const CHECK_USAGE = `usage: pullcheck check [--config FILE] [--offline] [--format markdown|json|text|sarif]
                       [--output FILE] [--fail-on denied|unknown|never] [--snapshot FILE] [--workflow FILE]

Checks that every target in the config can pull every image it deploys.

  --config FILE   config file (default .github/pullcheck.yml)
  --offline       use only the config's facts; never call a cloud
  --snapshot FILE write the config with every fact used (stated and read live), to replay with --offline
  --workflow FILE add the images this GitHub Actions workflow pushes to the config's images
  --format F      report format on stdout, or in --output (default text)
  --output FILE   write the report to FILE instead of stdout
  --fail-on V     fail (exit 1) on denied (default), on denied or unknown, or never
  --help          print this help

exit status: 0 gate passed, 1 gate failed, 2 bad input`;

const SCHEMA_USAGE = `usage: pullcheck schema

Prints the config file's JSON Schema (for editors: yaml-language-server, VS Code).`;

// Every command but `check` and `schema` lives in its own module, loaded when it runs: one line adds it.
const COMMANDS: Readonly<Record<string, ListedCommand>> = {
  check: { summary: 'check the pulls of a config', load: async () => ({ usage: CHECK_USAGE, run: check }) },
  schema: {
    summary: "print the config file's JSON Schema",
    load: async () => ({ usage: SCHEMA_USAGE, run: schema }),
  },
  init: {
    summary: 'write a config and a pullcheck workflow for this repository',
    load: async () => (await import('./init.ts')).initCommand,
  },
  permissions: {
    summary: 'print the least-privilege read access the live reads need',
    load: async () => (await import('./permissions.ts')).permissionsCommand,
  },
  explain: {
    summary: "explain one pull's verdict, statement by statement",
    load: async () => (await import('./explain.ts')).explain,
  },
};

export const USAGE = `usage: pullcheck <command> [options]

commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(14)}${command.summary}`)
  .join('\n')}
  help [COMMAND] print this help, or a command's (pullcheck COMMAND --help)

  --version   print pullcheck's version

exit status: 0 gate passed (or the command did its work), 1 gate failed, 2 bad input`;

const listed = (name: string | undefined): ListedCommand | undefined =>
  name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
const HELP = new Set(['--help', '-h']);

/** Runs the command line; returns the exit status. Never throws for a user error. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Whatever is printed leaves without URL credentials, and no data line reads as a workflow command.
  const io: CliIo = {
    stdout: (text) => rawIo.stdout(outgoing(text)),
    stderr: (text) => rawIo.stderr(outgoing(text)),
  };
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-V') {
      io.stdout(`pullcheck ${VERSION}\n`);
      return 0;
    }
    if (command === undefined || HELP.has(command) || command === 'help') {
      const asked = command === 'help' && rest[0] ? listed(rest[0]) : undefined;
      if (command === 'help' && rest[0] && !asked)
        throw new UsageError(`unknown command ${quotedValue(rest[0])}`, USAGE);
      const about = asked ? (await asked.load()).usage : USAGE;
      (command === undefined ? io.stderr : io.stdout)(`${about}\n`);
      return command === undefined ? 2 : 0;
    }
    const entry = listed(command);
    if (!entry)
      throw new UsageError(
        `unknown command ${quotedValue(command)}${didYouMean(command, Object.keys(COMMANDS))}`,
        USAGE,
      );
    const { usage, run } = await entry.load();
    if (rest.some((arg) => HELP.has(arg))) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    try {
      return await run(rest, io);
    } catch (error) {
      // A bad flag is shown with the usage of the command it was given to.
      if (isParseArgsError(error)) throw new UsageError((error as Error).message, usage);
      throw error;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(
        `${error.problems.map((p) => `pullcheck: error: ${p.where.file}:${p.where.line}:${p.where.column}: ${p.message}`).join('\n')}\n`,
      );
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`pullcheck: ${error.message}\n${error.usage ?? CHECK_USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

function schema(args: readonly string[], io: CliIo): number {
  if (args.length > 0)
    throw new UsageError(`schema takes no arguments (got ${quotedValue(args[0] ?? '')})`, SCHEMA_USAGE);
  io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  return 0;
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      config: { type: 'string', default: '.github/pullcheck.yml' },
      offline: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      output: { type: 'string' },
      'fail-on': { type: 'string', default: 'denied' },
      snapshot: { type: 'string' },
      workflow: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = oneOf('--format', values.format, Object.keys(FORMATS) as Format[], CHECK_USAGE);
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON, CHECK_USAGE);

  // What the repository shows joins the config: the workflow's images (--workflow FILE, discover.workflows)
  // and the targets of discover.manifests; what discovery cannot read or resolve is a finding.
  const discovered = discoveredConfig(values.config, values.workflow);
  const { report, liveRead } = await checkPulls({
    config: discovered.config,
    findings: discovered.findings,
    failOn,
    lookedAt: { config: values.config, workflows: discovered.workflows, entry: 'cli' },
    // The cluster is read through the kubeconfig (KUBECONFIG, else ~/.kube/config) when there is one.
    live: values.offline ? undefined : { credentials: { kubernetes: 'kubeconfig' } },
    snapshot: values.snapshot,
    ciLogins: discovered.ciLogins,
    env: process.env,
    // The repository's OIDC subject template is read with the token the gh CLI and Actions use, if any.
    ...(gitHubToken() ? { github: { token: gitHubToken()!, apiUrl: process.env['GITHUB_API_URL'] } } : {}),
  });
  for (const note of liveRead?.notes ?? []) io.stderr(`pullcheck: ${note}\n`);
  const chunks = FORMATS[format](report);
  if (values.output) {
    writeChunks(values.output, chunks, outgoing);
    io.stderr(`${summaryLine(report)}\n`);
  } else {
    for (const chunk of chunks) io.stdout(chunk);
  }
  return report.summary.gate === 'fail' ? 1 : 0;
}

function isParseArgsError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}
