"""``python -m ingest [PATH ...] [--rebuild] [--json]``

Exit status: 0 all good, 3 some files failed (the rest were indexed), 2 bad usage or settings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.errors import AssistantError
from assistant.settings import load_settings
from ingest.pipeline import IngestReport, run_ingest

EXIT_FAILED_FILES = 3


def _human(report: IngestReport) -> str:
    lines = [
        f"added {len(report.added)}, updated {len(report.updated)}, removed {len(report.removed)}, "
        f"unchanged {len(report.unchanged)}, failed {len(report.failed)} "
        f"({report.chunks} chunks live, {report.seconds:.1f} s)"
    ]
    for label, ids in (
        ("added", report.added),
        ("updated", report.updated),
        ("removed", report.removed),
    ):
        lines += [f"  {label}: {doc_id}" for doc_id in ids]
    lines += [f"  FAILED {f.file} [{f.reason}]: {f.message}" for f in report.failed]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the corpus)"
    )
    parser.add_argument("--rebuild", action="store_true", help="drop the index and start over")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        report = run_ingest(
            settings, args.paths or None, rebuild=args.rebuild, progress=not args.quiet
        )
    except AssistantError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report.to_dict(), indent=2) if args.json else _human(report))
    return EXIT_FAILED_FILES if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
