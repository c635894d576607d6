"""Logging for the app and CLIs: what happened, never what was asked.

Questions can contain personal details about a child, so the core logs only metadata (length,
outcome, timings), and every handler also redacts personal details as a second line of defence.
"""

from __future__ import annotations

import logging
from pathlib import Path

from assistant.settings import Settings


def configure_logging(settings: Settings) -> None:
    from assistant.safety import RedactingFilter

    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if settings.log_file:
        Path(settings.log_file).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(settings.log_file, encoding="utf-8"))
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=settings.log_level.upper(), handlers=handlers, force=True)
    for noisy in ("httpx", "httpcore", "bm25s", "chromadb", "urllib3", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)  # libraries' chatter, not ours
