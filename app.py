"""The Gradio chat: build the assistant once at start-up, wire the handlers, launch.

Per-user state lives in the browser session (the chat history), never on a shared object.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402

from assistant import Answer, Assistant, IndexMissingError, open_assistant  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.render import to_markdown  # noqa: E402
from assistant.settings import load_settings  # noqa: E402

INTRO = (
    "Ask about the partnership's procedures, priorities, reports and learning. Every answer is "
    "taken from the documents and cited; if they do not say, the assistant tells you so. "
    "**This tool does not make decisions about a child.** If a child is in immediate danger, "
    "call 999."
)


def build_assistant() -> Assistant:
    settings = load_settings()
    try:
        return open_assistant(settings)
    except IndexMissingError:
        from ingest.pipeline import run_ingest  # first start only: build the index once

        print(f"First start: ingesting {settings.corpus_dir} …", flush=True)
        report = run_ingest(settings)
        print(f"Indexed {len(report.added)} documents ({report.chunks} chunks).", flush=True)
        return open_assistant(settings)


def build_ui(assistant: Assistant) -> gr.Blocks:
    docs = assistant.documents()
    doc_choices = [(f"{d.title} ({d.published or 'undated'})", d.doc_id) for d in docs]
    type_choices = sorted({d.doc_type for d in docs})

    def respond(message, history, doc_types, doc_ids, year_from, year_to):  # type: ignore[no-untyped-def]
        earlier = [m["content"] for m in history if m["role"] == "user"]
        earlier = [c if isinstance(c, str) else str(c) for c in earlier]
        filters = {
            "doc_types": doc_types or [],
            "doc_ids": doc_ids or [],
            "year_from": int(year_from) if year_from else None,
            "year_to": int(year_to) if year_to else None,
        }
        history = history + [{"role": "user", "content": message}]
        try:
            text = ""
            for item in assistant.stream(message, history=earlier, filters=filters):
                if isinstance(item, Answer):
                    text = to_markdown(item)
                else:
                    text += item
                yield history + [{"role": "assistant", "content": text}], ""
        except AssistantError as exc:
            yield history + [{"role": "assistant", "content": f"⚠️ {exc}"}], ""

    with gr.Blocks(title="Safeguarding partnership assistant") as ui:
        gr.Markdown(f"## Safeguarding partnership assistant\n{INTRO}")
        chat = gr.Chatbot(
            label="Answers", height=520, elem_id="chat", feedback_options=None, buttons=["copy"]
        )
        box = gr.Textbox(
            placeholder="e.g. What happens after I make a referral?",
            label="Your question",
            elem_id="question",
            submit_btn=True,
        )
        with gr.Accordion("Filter the documents searched", open=False):
            doc_types = gr.CheckboxGroup(type_choices, label="Document types")
            doc_ids = gr.Dropdown(doc_choices, multiselect=True, label="Documents")
            with gr.Row():
                year_from = gr.Number(label="From year", precision=0)
                year_to = gr.Number(label="To year", precision=0)
        with gr.Accordion("The documents and their acronyms", open=False):
            gr.Markdown("\n".join(f"- **{t}** — {i}" for t, i in doc_choices))
            gr.Dataframe(
                [
                    [e["acronym"], e["expansion"], e["title"], e["published"]]
                    for e in assistant.glossary()
                ],
                headers=["Acronym", "Meaning", "Document", "Date"],
                interactive=False,
            )
        clear = gr.Button("New conversation", variant="secondary")
        box.submit(respond, [box, chat, doc_types, doc_ids, year_from, year_to], [chat, box])
        clear.click(lambda: ([], ""), None, [chat, box])
    return ui


def main() -> None:
    from assistant.logs import configure_logging

    settings = load_settings()
    configure_logging(settings)
    ui = build_ui(build_assistant())
    ui.queue(default_concurrency_limit=4).launch(
        server_name=settings.host, server_port=settings.port, show_error=False
    )


if __name__ == "__main__":
    main()
