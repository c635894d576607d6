"""The default answerer: an answer composed of the documents' own sentences, each cited.

No LLM, so nothing can be invented: numbers and names are exactly as written. Sentences are
scored against the question (stored sentence vectors + word overlap), the best few are kept,
lists are gathered whole, and the newest document leads unless the question names a year.

Modules, in the order an answer passes through them:

- ``words``: content words (stemmed, no stop words), the unit of every overlap score;
- ``question``: what the question asks for (a list, a figure, a date, a name) and its key words;
- ``periods``: how recent a document is and whether it covers the years asked about;
- ``scoring``: each sentence's score against the question;
- ``abstain``: near-miss rules (topic found, detail missing) and the abstention answer;
- ``selection``: the lead sentence and the ones that complete it;
- ``lists``: whole lists after an intro sentence, short lists written inline;
- ``render``: the answer's text, citations and notices;
- ``composer``: ``ExtractiveComposer``, which runs the steps above;
- ``merge``: one answer from the answers to a question's parts.
"""

from __future__ import annotations

from assistant.compose.composer import ExtractiveComposer
from assistant.compose.merge import merge_answers
from assistant.compose.render import date_label, short_title
from assistant.compose.words import content_words

__all__ = ["ExtractiveComposer", "content_words", "date_label", "merge_answers", "short_title"]
