// `pullcheck explain IMAGE TARGET`: one pull's full evaluation trace, for the "why is this denied?" moment.
// The facts are read as `check` reads them (check/pipeline.ts prepareCheck), then each principal's pull is
// decided again inside a trace. Exit status 0 when explained, whatever the verdict; 2 on bad input.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareCheck } from '../check/pipeline.ts';
import { repositoryRootOf } from '../core/config/read-file.ts';
import { explainPulls, ExplainInputError } from '../explain/explain-pulls.ts';
import { statementLines } from '../explain/statement-lines.ts';
import { EXPLAIN_FORMATS as FORMATS, renderExplanations, type ExplainFormat } from '../report/explain.ts';
import { discoveredConfig, gitHubToken } from './discovered-config.ts';
import { oneOf, UsageError, type CliCommand, type CliIo } from './command-kit.ts';

const USAGE = `usage: pullcheck explain IMAGE TARGET [--config FILE] [--offline] [--workflow FILE]
                         [--principal P] [--format text|json|markdown]

Explains one pull: the verdict, its reasons and fix, and every policy statement the rule looked at, in order,
with where it is written (file:line, or the call that read it live) and whether it matched.

  IMAGE           an image of the plan, as written or by name (tag optional)
  TARGET          a target's name
  --config FILE   config file (default .github/pullcheck.yml)
  --offline       use only the config's facts; never call a cloud
  --workflow FILE add the images this GitHub Actions workflow pushes to the config's images
  --principal P   explain only this principal's pull (a role ARN, a service account, …)
  --format F      text (default), json or markdown
  --help          print this help

exit status: 0 explained (whatever the verdict), 2 bad input`;

export const explain: CliCommand = {
  usage: USAGE,
  run: runExplain,
};

async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      config: { type: 'string', default: '.github/pullcheck.yml' },
      offline: { type: 'boolean', default: false },
      workflow: { type: 'string' },
      principal: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
    strict: true,
    allowPositionals: true,
  });
  const format = oneOf('--format', values.format, Object.keys(FORMATS) as ExplainFormat[], USAGE);
  const [image, target, ...extra] = positionals;
  if (image === undefined || target === undefined || extra.length > 0)
    throw new UsageError(`explain takes an IMAGE and a TARGET (got ${positionals.length} arguments)`, USAGE);

  const discovered = discoveredConfig(values.config, values.workflow);
  const prepared = await prepareCheck({
    config: discovered.config,
    live: values.offline ? undefined : { credentials: { kubernetes: 'kubeconfig' } },
    snapshot: undefined,
    ciLogins: discovered.ciLogins,
    env: process.env,
    ...(gitHubToken() ? { github: { token: gitHubToken()!, apiUrl: process.env['GITHUB_API_URL'] } } : {}),
  });
  for (const note of prepared.liveRead?.notes ?? []) io.stderr(`pullcheck: ${note}\n`);
  const root = repositoryRootOf(path.dirname(path.resolve(values.config)));
  try {
    const explanations = explainPulls(
      prepared.config,
      prepared.providers,
      { image, target, principal: values.principal },
      statementLines(root),
    );
    io.stdout(renderExplanations(explanations, format));
    return 0;
  } catch (error) {
    if (error instanceof ExplainInputError) throw new UsageError(error.message, USAGE);
    throw error;
  }
}
