#!/usr/bin/env bash
# Large checks as whole processes: the bundled CLI checks the engine benchmark's scenarios (bench/scenarios)
# at 10,000, 30,000 and 100,000 pairs, offline, with the JSON report written to a file, as a user runs it.
# GNU time (`/usr/bin/time`) gives wall time, CPU (user + system) and peak memory of each run; the script
# prints min / median / max per scenario and the cost per pair. With BASELINE_CLI set to another build's
# dist/cli.js, the two builds run alternately on the same configs and their reports are compared field by
# field (bench/compare-reports.mjs).
# Usage: bash bench/scale.sh [RUNS]   (npm run bench:scale); results in bench/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
node=${BENCH_NODE:-node}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench:scale needs GNU time (apt-get install time)" >&2; exit 2; }

(cd "$root" && npx tsc -p tsconfig.bench.json)
node "$root/.bench-build/bench/scale-configs.js" "$work"
scenarios=(ecr-10k.yml ecr-10k.json gcp-10k.yml ecr-30k.json ecr-100k.json ecr-100k.yml)
declare -A builds=([this]="$root/dist/cli.js")
[[ -n "${BASELINE_CLI:-}" ]] && builds[baseline]=$BASELINE_CLI
echo "node $("$node" --version), $(nproc) cores, $runs runs per build and scenario"

# One run: "wall_s cpu_s peak_MiB" on stdout; the report in $work/BUILD-SCENARIO.report.json.
run_once() {
  local cli=$1 config=$2 report=$3
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$node" "$cli" check --offline --config "$config" \
    --format json --output "$report" --fail-on never >/dev/null 2>"$work/stderr" || true
  grep -q '^pullcheck: .* pulls' "$work/stderr" || { echo "no summary from $cli on $config:" >&2; cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/time"
}

# min / median / max of a column of numbers.
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR] }'; }

declare -A median_cpus=()
printf '%-14s %-8s %-24s %-24s %-20s %s\n' scenario build 'wall s (min/med/max)' 'CPU s (min/med/max)' 'peak MiB' 'pairs'
for scenario in "${scenarios[@]}"; do
  config="$work/$scenario"
  declare -A walls=() cpus=() peaks=()
  for ((i = 0; i < runs; i++)); do
    for build in "${!builds[@]}"; do
      read -r wall cpu peak < <(run_once "${builds[$build]}" "$config" "$work/$build-$scenario.report.json")
      walls[$build]+="$wall"$'\n'; cpus[$build]+="$cpu"$'\n'; peaks[$build]+="$peak"$'\n'
    done
  done
  pairs=$(node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1])).summary; console.log(s.allowed + s.denied + s.unknown)' "$work/this-$scenario.report.json")
  for build in "${!builds[@]}"; do
    median_cpu=$(printf '%s' "${cpus[$build]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    median_cpus[$build-$scenario]=$median_cpu
    printf '%-14s %-8s %-24s %-24s %-20s %s\n' "$scenario" "$build" \
      "$(printf '%s' "${walls[$build]}" | stats)" "$(printf '%s' "${cpus[$build]}" | stats)" \
      "$(printf '%s' "${peaks[$build]}" | stats)" "$pairs"
  done
  if [[ -n "${BASELINE_CLI:-}" ]]; then
    # Differences are printed, not fatal: a build that words its reasons anew is still measured.
    node "$root/bench/compare-reports.mjs" "$work/baseline-$scenario.report.json" "$work/this-$scenario.report.json" |
      sed 's/^/  reports: /' || true
  fi
  unset walls cpus peaks
done

# The cost of one more pair: the CPU between two sizes of the same scenario, divided by the pairs added.
# Linear when the figures agree.
for build in "${!builds[@]}"; do
  awk -v a="${median_cpus[$build-ecr-10k.json]}" -v b="${median_cpus[$build-ecr-30k.json]}" \
    -v c="${median_cpus[$build-ecr-100k.json]}" -v build="$build" 'BEGIN {
      printf "%s: CPU per added pair (ECR, JSON config, medians): 10k→30k %.1f µs, 30k→100k %.1f µs\n",
        build, (b - a) * 1e6 / 20000, (c - b) * 1e6 / 70000 }'
done
