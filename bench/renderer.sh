#!/usr/bin/env bash
# The demo's whole `check` process with the real kubectl kustomize on PATH and without it (the built-in
# renderer), side by side: N runs each, alternating, min/median/max wall seconds. Usage: bash bench/renderer.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
node=$(command -v node)
kubectl_dir=$(dirname "$(command -v kubectl || echo /nonexistent/kubectl)")
[ -x "$kubectl_dir/kubectl" ] || { echo "renderer.sh: kubectl is not on PATH" >&2; exit 1; }
tools=$(mktemp -d)
ln -s "$kubectl_dir/kubectl" "$tools/kubectl"
time_one() { # PATH for the run
  local start end
  start=$(date +%s.%N)
  PATH="$1" "$node" dist/cli.js check --config examples/pullcheck.yml --offline --format json --fail-on never >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
declare -a real builtin
for ((i = 0; i < runs; i++)); do
  real+=("$(time_one "$tools")")
  builtin+=("$(time_one "/nonexistent")")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %.3f s, median %.3f s, max %.3f s\n", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "kubectl kustomize: $(stats "${real[@]}")"
echo "built-in renderer: $(stats "${builtin[@]}")"
rm -rf "$tools"
