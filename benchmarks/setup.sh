#!/usr/bin/env bash
# Install the peers the benchmarks time, into the active virtualenv (run it with the venv active):
#   . .venv/bin/activate && bash benchmarks/setup.sh
# pandoc comes with the test extras (pypandoc-binary); bibutils from Debian; citation-js from npm,
# with the same versions and options as .ci/run plus the plugins the tests do not need.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${VIRTUAL_ENV:?activate the project virtualenv first (. .venv/bin/activate)}"

pip install -q -e '.[test]'

# bibutils (a peer) and GNU time (peak RSS of each case, see run.py's timed()).
if ! command -v ris2xml >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bibutils time >/dev/null
fi

# @citation-js/core 0.6, as .ci/run installs it for the tests (plugin-refworks 0.1.2 accepts no
# later core); the ris, bibtex and csl plugins of the same release line.
npm install --silent --no-audit --no-fund --prefix "$VIRTUAL_ENV" --legacy-peer-deps \
  @citation-js/core@0.6 @citation-js/plugin-refworks@0.1.2 @citation-js/plugin-enw@0.3.0 \
  @citation-js/plugin-ris@0.6 @citation-js/plugin-bibtex@0.6 @citation-js/plugin-csl@0.6 >/dev/null
