#!/usr/bin/env bash
# Runs every test of HygieneLsp: restores what it needs, builds, runs the .NET suites (engine, protocol, server,
# oracle comparisons against the real npm/vsce/bundlers/dotnet) and the client's node tests, then prints one
# summary line `tests: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
status=0
if [[ ! -d tests/oracles/node_modules || tests/oracles/package-lock.json -nt tests/oracles/node_modules/.package-lock.json ]]; then
  # npm install, not npm ci: the registry mirror lacks other platforms' optional packages (rollup), and npm ci
  # refuses a lock file without them.
  (cd tests/oracles && npm install --no-audit --no-fund --loglevel=error) || exit 1
fi
# The .dockerignore oracle builds a Go program against Debian's moby/patternmatcher sources.
if ! command -v go >/dev/null || ! dpkg -s golang-github-moby-patternmatcher-dev >/dev/null 2>&1; then
  sudo=$([[ $(id -u) -eq 0 ]] || echo sudo)
  ($sudo apt-get update -qq && $sudo apt-get install -y -qq golang-go golang-github-moby-patternmatcher-dev) >/dev/null \
    || echo "test.sh: could not install golang-go and golang-github-moby-patternmatcher-dev; the Docker oracle test will say so"
fi
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi
dotnet build HygieneLsp.sln -c Release --nologo -v q || exit 1
dotnet test HygieneLsp.sln -c Release --no-build --nologo -v q --logger "console;verbosity=minimal" 2>&1 | tee -a "$log"
(( PIPESTATUS[0] == 0 )) || status=1
# The VS Code client's unit tests (node --test; TAP summary lines "# pass N" / "# fail N").
npm test 2>&1 | tee -a "$log"
(( PIPESTATUS[0] == 0 )) || status=1
node_passed=$(grep -oE '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
node_failed=$(grep -oE '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
passed=$(grep -oE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | awk -F'Passed: +' '{s+=$2} END {print s+0}')
failed=$(grep -oE '(Passed|Failed)! +- Failed: +[0-9]+' "$log" | awk -F'Failed: +' '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $((passed + node_passed)) passed, $((failed + node_failed)) failed"
exit $status
