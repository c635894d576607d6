#!/usr/bin/env bash
# Set up (with test tools and the optional LLM pieces), lint, run every test, then the
# evaluation gates on the core, held-out (fresh), red-team (probes), third to fifteenth
# development (dev3 to dev15) and escalation sets.
# CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
py=.venv/bin/python
"$py" -m ruff check .
"$py" -m pytest "$@"
# The evaluation gate: fails when a figure drops below the thresholds recorded in the set.
eval_data="$(mktemp -d)"
trap 'rm -rf "$eval_data"' EXIT
SGA_DATA_DIR="$eval_data" "$py" -m ingest --quiet
mkdir -p reports
SGA_DATA_DIR="$eval_data" "$py" -m evals run core --retriever both \
  --json reports/core.json --html reports/core.html
SGA_DATA_DIR="$eval_data" "$py" -m evals run fresh --retriever both \
  --json reports/fresh.json --html reports/fresh.html
SGA_DATA_DIR="$eval_data" "$py" -m evals run probes --json reports/probes.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev3 --json reports/dev3.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev4 --json reports/dev4.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev5 --json reports/dev5.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev6 --json reports/dev6.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev7 --json reports/dev7.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev8 --json reports/dev8.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev9 --json reports/dev9.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev10 --json reports/dev10.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev11 --json reports/dev11.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev12 --json reports/dev12.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev13 --json reports/dev13.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev14 --json reports/dev14.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run dev15 --json reports/dev15.json
SGA_DATA_DIR="$eval_data" "$py" -m evals run escalation --json reports/escalation.json
