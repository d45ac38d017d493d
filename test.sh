#!/usr/bin/env bash
# Runs every test of HygieneLsp: restores what it needs, builds, runs the .NET suites (engine, protocol, server,
# oracle comparisons against the real npm/vsce/bundlers/dotnet) and the client's node tests.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ ! -d tests/oracles/node_modules ]]; then
  (cd tests/oracles && npm ci --no-audit --no-fund --loglevel=error)
fi
dotnet build HygieneLsp.sln -c Release --nologo -v q
dotnet test HygieneLsp.sln -c Release --no-build --nologo -v q --logger "console;verbosity=minimal"
