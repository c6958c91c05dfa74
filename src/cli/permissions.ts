// `pullcheck permissions`: the least-privilege read access the live reads of a config need (issue 19),
// as JSON (default), YAML, Terraform or a shell script of the clouds' CLIs. Reads only the repository.
import { parseArgs } from 'node:util';
import { readAccess, type ReadAccess } from '../permissions/index.ts';
import { renderJson, renderYaml } from '../permissions/render-documents.ts';
import { renderShell } from '../permissions/render-shell.ts';
import { renderTerraform } from '../permissions/render-terraform.ts';
import { oneOf, type CliCommand, type CliIo } from './command-kit.ts';
import { discoveredConfig } from './discovered-config.ts';

const FORMATS: Readonly<Record<string, (access: ReadAccess) => string>> = {
  json: renderJson,
  yaml: renderYaml,
  terraform: renderTerraform,
  gcloud: renderShell,
};

const USAGE = `usage: pullcheck permissions [--config FILE] [--workflow FILE] [--format json|yaml|terraform|gcloud]

Prints the least-privilege read access the live reads of this config need: the AWS IAM policies (one per
identity that reads: the base session, and each role auth.aws.roles names), the Google custom role, the
Kubernetes/OpenShift ClusterRole, and the trust policy of each AWS role the workflows log in as with
GitHub's OIDC token, scoped to the events those workflows run on. Calls no cloud.

  --config FILE   config file (default .github/pullcheck.yml)
  --workflow FILE add the images and logins of this GitHub Actions workflow, as check does
  --format F      json (default), yaml, terraform, or gcloud (a shell script of aws, gcloud and kubectl)
  --help          print this help

exit status: 0 printed, 2 bad input`;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      config: { type: 'string', default: '.github/pullcheck.yml' },
      format: { type: 'string', default: 'json' },
      workflow: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const render = FORMATS[oneOf('--format', values.format, Object.keys(FORMATS), USAGE)]!;
  const discovered = discoveredConfig(values.config, values.workflow);
  io.stdout(render(readAccess(discovered.config, discovered.ciLogins)));
  return 0;
}

export const permissionsCommand: CliCommand = {
  usage: USAGE,
  run,
};
