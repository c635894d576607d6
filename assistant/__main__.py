"""``python -m assistant ask "question" [--history Q ...] [--json]``

Exit status: 0 answered, 1 abstained (nothing found), 2 no index or bad settings.
"""

from __future__ import annotations

import argparse
import json
import sys

from assistant.errors import AssistantError
from assistant.render import to_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question from the documents")
    ask.add_argument("question")
    ask.add_argument("--history", action="append", default=[], help="an earlier question")
    ask.add_argument("--doc-type", action="append", default=[], help="only this document type")
    ask.add_argument("--doc", action="append", default=[], help="only this document id")
    ask.add_argument("--year-from", type=int)
    ask.add_argument("--year-to", type=int)
    ask.add_argument("--json", action="store_true", help="print the answer object as JSON")
    sub.add_parser("glossary", help="list the acronyms found in the documents")
    sub.add_parser("documents", help="list the indexed documents, newest first")
    args = parser.parse_args(argv)

    from assistant import open_assistant
    from assistant.logs import configure_logging
    from assistant.settings import load_settings

    try:
        configure_logging(load_settings())
        assistant = open_assistant()
        if args.command == "glossary":
            for e in assistant.glossary():
                print(f"{e['acronym']:<10} {e['expansion']}  ({e['title']}, {e['published']})")
            return 0
        if args.command == "documents":
            for d in assistant.documents():
                print(f"{d.published or '?':<12} {d.doc_type:<18} {d.doc_id}  {d.title}")
            return 0
        filters = {
            "doc_types": args.doc_type,
            "doc_ids": args.doc,
            "year_from": args.year_from,
            "year_to": args.year_to,
        }
        answer = assistant.ask(args.question, history=args.history, filters=filters)
    except AssistantError as exc:
        print(f"assistant: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(to_text(answer))
    return 1 if answer.abstained else 0


if __name__ == "__main__":
    sys.exit(main())
