"""The few exceptions the core raises. Only the UI and the CLIs turn them into messages."""


class AssistantError(Exception):
    """Base class: anything the product itself reports to a person."""


class SettingsError(AssistantError):
    """A setting is unknown, malformed or out of range (raised at start-up)."""


class IndexMissingError(AssistantError):
    """There is no index yet at the configured data folder."""

    def __init__(self, data_dir: str) -> None:
        super().__init__(
            f"No index found in {data_dir}. Build it first with: python -m ingest "
            "(or start the app, which ingests the bundled corpus on first start)."
        )
        self.data_dir = data_dir


class ProviderError(AssistantError):
    """An answer provider (LLM) is unknown, not installed or not reachable."""


class DocumentError(AssistantError):
    """A document could not be loaded; ``reason`` is a short code, the message says why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
