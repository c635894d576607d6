#!/usr/bin/env bash
# Set up (first time), then start the assistant at http://127.0.0.1:7860.
# The app ingests the bundled corpus on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
exec .venv/bin/python app.py "$@"
