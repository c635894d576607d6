"""Sentence scoring: how well each sentence of the retrieved chunks answers the question.

Stored sentence vectors give the similarity, idf-weighted word overlap keeps the answer on the
question's own words, and small bonuses favour a sentence that holds the kind of thing asked for
or comes from a document of the right time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answerer import AnswerRequest
from assistant.compose.contacts import ASKS_CONTACT, gives_contact_of
from assistant.compose.figures import has_figure
from assistant.compose.periods import covers, names_time, recency
from assistant.compose.question import (
    ASKS_PAGE,
    DATE_IN,
    NUMBER_Q,
    REASON,
    answer_type,
    as_parts,
    asked_letters,
    asked_positions,
    asked_role,
    asks_when,
    defined_term,
    defines,
    focus_word,
    names_person,
    own_and_carried,
    unseen_weight,
)
from assistant.compose.words import (
    GENERIC,
    Synonyms,
    content_words,
    initials,
    phrases,
    stood_for,
    synonym_words,
)
from assistant.textutil import (
    ITEM_NUMBER,
    contact_kinds,
    is_contents,
    is_row,
    paragraph_leads,
    spelt_phrase,
)
from assistant.types import Chunk


@dataclass
class Scored:
    """A candidate sentence of the answer, with where it comes from and how it scored."""

    chunk_rank: int
    chunk: Chunk
    index: int  # sentence index within the chunk
    text: str
    score: float
    overlap: float = 0.0
    topical: float = 0.0  # overlap counting the paragraph's topic too


@dataclass(frozen=True)
class _Cues:
    """What the question looks for, worked out once and then tested on every sentence."""

    words: set[str]
    related: set[str]  # the documents' words for the question's shorthand and acronyms
    idf: Callable[[str], float]
    numeric: bool
    titles: dict[str, float]
    recency: dict[str, float]
    focus: str | None
    wanted: Callable[[str], bool] | None
    asks_why: bool
    year_terms: list[str]
    asks_when: bool
    phrases: set[tuple[str, str]]
    term: str | None
    contact: bool  # asks for an email address, website or phone number
    role: str | None  # "who chairs X?": the role whose holder is asked for
    spelt: list[tuple[re.Pattern, set[str]]]  # acronyms and their expansions (``_spelt``)
    stands_for: Synonyms  # synonyms, and the question's words they stand for
    page: bool  # "what page is the data section on?": the contents page answers
    spells: str  # "CAMHs being what?": the asked acronym's letters ("camh")
    positions: set[str]  # "priorities no. 1 and no. 3": the numbered items asked for


def score_sentences(request: AnswerRequest, chunks: list[Chunk]) -> list[Scored]:
    """Every sentence of the chunks worth considering, best first."""
    cues = _cues(request, chunks)
    out: list[Scored] = []
    for rank, chunk in enumerate(chunks):
        out.extend(_score_chunk(request, cues, rank, chunk))
    out.sort(key=lambda s: -s.score)
    return out


def _cues(request: AnswerRequest, chunks: list[Chunk]) -> _Cues:
    """Worked out once per question, not once per sentence."""
    return _Cues(
        words=_question_words(request),
        related=content_words(" ".join(request.extra.get("related") or []))
        - content_words(request.question),
        idf=request.extra.get("idf") or (lambda w: 1.0),
        numeric=bool(NUMBER_Q.search(request.question)),
        titles=title_overlap(request.question, chunks),
        recency=recency(chunks),
        focus=focus_word(request),
        wanted=answer_type(request),
        asks_why=bool(re.match(r"\s*why\b", request.question, re.I)),
        year_terms=re.findall(r"20\d\d(?:[-/]\d\d)?", request.question),
        asks_when=asks_when(request.question),
        phrases=phrases(request.question, written_lower=True),
        term=defined_term(request.question),
        contact=bool(ASKS_CONTACT.search(request.question)),
        role=asked_role(request.question) if "lower_words" in request.extra else None,
        spelt=_spelt(request, content_words(" ".join({c.meta.title for c in chunks}))),
        stands_for=_stands_for(request),
        page=bool(ASKS_PAGE.search(request.question)),
        spells=asked_letters(request),
        positions=set(asked_positions(request.question)),
    )


def _stands_for(request: AnswerRequest) -> Synonyms:
    """Question words no document uses ("justify", "main talk") when they say it otherwise
    ("prove", "keynote"): a sentence saying the documents' words scores as if it said the
    question's. Words the documents do use keep their own meaning, and their synonyms count
    at half weight (``related``)."""
    asked = own_and_carried(request.question)[0]  # not the earlier turn's words, carried
    idf = request.extra.get("idf")
    if idf is None:
        return []
    unseen = unseen_weight(idf)
    return [
        (terms, words)
        for terms, words in synonym_words(request.extra.get("synonyms_of") or {})
        if words and words <= asked and any(idf(w) >= unseen for w in words)
    ]


def _standing_for(cues: _Cues, words: set[str]) -> set[str]:
    """The words, with the question's words that synonyms among them stand for."""
    return words | stood_for(words, cues.stands_for)


def _spelt(request: AnswerRequest, titles: set[str]) -> list[tuple[re.Pattern, set[str]]]:
    """Acronyms said in full, and full names said as acronyms: "CP plans" is said by a
    sentence on "child protection plans", "alternative provision" by one on "AP". Each pair
    is what a sentence must say and the question's words it then stands for."""
    asked = content_words(request.question)
    out: list[tuple[re.Pattern, set[str]]] = []
    for phrase in request.extra.get("related") or []:
        letters = initials(phrase)
        if letters in titles or not phrase.strip():
            continue  # the partnership's own name ("OSCB") tells no passage from another
        said = re.compile(r"\b" + r"\W+".join(map(re.escape, phrase.split())) + r"\b", re.I)
        if letters in asked and len(letters) == 2 and len(content_words(phrase)) >= 2:
            # "CP": two letters became a word of their own only lately; longer acronyms
            # already meet their expansions through ``related``
            out.append((said, {letters}))
        elif phrase.isupper() and (spelt := spelt_phrase(phrase, request.question)):
            out.append((said, content_words(spelt) & asked))
    return [(said, gives) for said, gives in out if gives]


def _question_words(request: AnswerRequest) -> set[str]:
    """The question's content words; a hyphenated word no document writes counts as its parts
    ("practice-improvement priorities" meets "practice improvement")."""
    idf = request.extra.get("idf")
    found = content_words(request.question)
    return found if idf is None else as_parts(found, idf)


def _score_chunk(request: AnswerRequest, cues: _Cues, rank: int, chunk: Chunk) -> list[Scored]:
    """One chunk's sentences, scored by similarity and by overlap with the question's words."""
    own = (
        cues.words - content_words(chunk.meta.title)
        if cues.titles.get(chunk.meta.doc_id)
        else cues.words
    )  # words that only name the document are no evidence of an answer
    own_weight = sum(cues.idf(w) for w in own) or 1.0
    # A sentence inherits its passage's topic ("They have escalated..." in a paragraph
    # about the Health Advisory Group).
    leads = paragraph_leads(chunk.text, chunk.sentences)
    vectors = request.sentence_vectors(chunk.id) if request.sentence_vectors is not None else None
    out: list[Scored] = []
    lead_in = content_words(chunk.meta.lead_in)
    title_words = content_words(chunk.meta.title) | set(re.findall(r"20\d\d", chunk.meta.title))
    contents = {  # a contents page's lines ("Funding Arrangements 14") answer nothing
        line.strip()
        for part in chunk.text.split("\n\n")
        if is_contents(part)
        for line in part.split("\n")
    }
    opens = _opens_named_section(request, own, chunk)
    for i, sentence in enumerate(chunk.sentences):
        if sentence in contents and not cues.page:
            continue
        if len(sentence.split()) < 3 and not sentence.startswith("- ") and not is_row(sentence):
            if not (cues.contact and contact_kinds(sentence)):
                continue  # too short to say anything, unless it is the asked-for address
        if content_words(sentence) <= title_words:
            continue  # "Business Plan 2019-21": the document's own title says nothing
        sim = (
            float(vectors[i] @ request.query_vector)
            if vectors is not None and len(vectors) > i
            else 0.0
        )
        words_here = content_words(sentence)
        if is_row(sentence) and is_row(leads[i]):  # a row means what its header says
            words_here |= content_words(leads[i])
        for said, gives in cues.spelt:
            if said.search(sentence):
                words_here |= gives
        words_here = _standing_for(cues, words_here)
        direct = sum(cues.idf(w) for w in own & words_here) / own_weight
        if cues.related & words_here:  # "front door" answered by a sentence on the MASH
            direct = min(
                1.0, direct + 0.5 * max(cues.idf(w) for w in cues.related & words_here) / own_weight
            )
        context = content_words(chunk.meta.section) | content_words(leads[i])
        if i and chunk.sentences[i - 1].endswith(":"):  # "Comments checked by:" + a name
            context |= content_words(chunk.sentences[i - 1])
        if leads[i] == leads[0]:  # the opening paragraph goes on from the chunk before
            context |= lead_in
        elif is_row(sentence):  # a table row: what the sentence before the table says it shows
            start = leads.index(leads[i])
            context |= content_words(chunk.sentences[start - 1]) if start else set()
        inherited = sum(cues.idf(w) for w in own & _standing_for(cues, words_here | context))
        inherited /= own_weight
        overlap = 0.6 * direct + 0.4 * inherited
        score = 0.55 * sim + 0.35 * overlap - 0.012 * rank
        score = _adjust(score, request, cues, chunk, sentence, words_here)
        item = ITEM_NUMBER.match(sentence) if cues.positions else None
        if item and item.group(1) in cues.positions:  # "priority no. 3 under improving
            placed = sum(cues.idf(w) for w in own & context) / own_weight  # practice": its list
            score += min(0.15, 0.5 * placed)
        if opens and i == 0 and not is_row(sentence):
            score += 0.15  # "what's the vision statement?": the opening of "Our vision"
        if cues.page and sentence in contents and own & words_here:
            score += 0.3  # "what page is the data section on?": "What do we know - Data 15"
        out.append(Scored(rank, chunk, i, sentence, score, overlap, inherited))
    return out


_QUOTED = re.compile(r"(?:^|\s)['‘\"“]([^'’\"”?]{6,}?)\??['’\"”](?=\W|$)")


# "the vision statement", "its exec summary": the question points at a part of a document
_DOC_PART = re.compile(
    r"\b(?:section|statement|summary|chapter|heading|foreword|introduction|appendix)\b", re.I
)


def _opens_named_section(request: AnswerRequest, own: set[str], chunk: Chunk) -> bool:
    """The chunk starts a section that the question names ("the vision statement": "Our
    vision") or quotes."""
    title = chunk.meta.section.split(" > ")[-1]
    heading = content_words(title) - GENERIC
    said = own | content_words(" ".join(request.extra.get("related", [])))  # "exec": executive
    quoted = any(q.lower() in title.lower() for q in _QUOTED.findall(request.question))
    named = heading and heading <= said and _DOC_PART.search(request.question)
    if not quoted and not named:
        return False
    before = request.previous_chunk(chunk.id) if request.previous_chunk is not None else None
    return before is None or before.meta.section != chunk.meta.section


def _adjust(
    score: float,
    request: AnswerRequest,
    cues: _Cues,
    chunk: Chunk,
    sentence: str,
    words_here: set[str],
) -> float:
    """Bonuses and penalties on top of similarity and overlap (added one by one, in order)."""
    if len(sentence.split()) < 7:
        score -= 0.12  # fragments ("- Neglect") match words but say little
    elif _heading_like(sentence):
        score -= 0.10  # a title or contents line ("... Annual Report Report by Director of ...")
    if cues.numeric and has_figure(sentence):
        score += 0.06
    if cues.year_terms and any(t in sentence for t in cues.year_terms):
        score += 0.06
    if cues.asks_when and DATE_IN.search(sentence):
        score += 0.06
    if cues.wanted is not None and cues.wanted(sentence):
        score += 0.04  # holds the kind of thing asked for (a name, a date, a figure)
    if cues.focus and cues.focus in words_here:
        score += 0.08  # the question's own key word, not just its names
    shared = len(cues.phrases & phrases(sentence)) if cues.phrases else 0
    if shared:
        score += 0.02  # the question's own phrase ("absence rate")
    if cues.contact and gives_contact_of(request.question, sentence):
        score += 0.3  # "what is the OSCP's email?": its own address line is the answer
    if cues.role and cues.role in words_here:
        if names_person(sentence, request.extra["lower_words"]):
            score += 0.2  # "who is the contact officer?": "Contact Officer: Tan Lea."
    if cues.term and defines(sentence, cues.term):
        score += 0.12  # "what counts as a red enquiry?": the definition itself
    if cues.spells and spelt_phrase(cues.spells, sentence):
        score += 0.1  # "CAMHs being what?": "child and adolescent mental health services"
    if cues.asks_why and REASON.search(sentence):
        score += 0.05
    score += 0.06 * cues.titles.get(chunk.meta.doc_id, 0.0)
    if request.time_intent == "current":
        score += 0.04 * cues.recency.get(chunk.meta.doc_id, 0.0)
    elif request.time_intent == "past":
        score += 0.04 * (1.0 - cues.recency.get(chunk.meta.doc_id, 1.0))
    elif request.years:  # "his focus in 24/25": "The focus ... in 2024-25 was", not "2025-26"
        said = names_time(sentence, request.years)
        score += 0.05 if (covers(chunk, request.years) if said is None else said) else 0.0
    return score


def title_overlap(question: str, chunks: list[Chunk]) -> dict[str, float]:
    """How strongly a question names a document ("the 2019-21 business plan")."""
    q = content_words(question) | set(re.findall(r"20\d\d(?:[-/]\d\d)?", question))
    out: dict[str, float] = {}
    for c in chunks:
        title = content_words(c.meta.title) | set(re.findall(r"20\d\d(?:[-/]\d\d)?", c.meta.title))
        hits = len(q & title)
        out[c.meta.doc_id] = hits / len(title) if hits >= 2 and title else 0.0
    return out


_MINOR = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "by", "with", "&", "at", "from"}


def _heading_like(sentence: str) -> bool:
    """A line in title case with no full stop, not a list item: a heading, not a statement.

    >>> _heading_like("Oxfordshire Safeguarding Children Board (OSCB) Annual Report by Director")
    True
    >>> _heading_like("The Board meets four times a year to keep its work on track.")
    False
    >>> _heading_like("Thomas James, Finance Business Partner")
    False
    """
    if sentence.startswith("- ") or sentence.rstrip().endswith((".", "?", "!", ":")):
        return False
    if re.match(r"[A-Z][a-z]+ [A-Z][a-z'’-]+, ", sentence):
        return False  # a signature: "Thomas James, Finance Business Partner"
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence) if w.lower() not in _MINOR]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
