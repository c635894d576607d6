"""Lexical grounding check for generated answers.

A small model invents things; in a safeguarding product an invented phone number, threshold or
timescale can do harm. So every sentence of a generated answer must be backed by the passage(s)
it cites (or, if uncited, by some passage): most of its content words must occur there, and every
number in it must occur there. The check is deliberately lexical and strict: a paraphrase that
fails it is replaced by quoted text, which is a cheaper mistake than passing an invention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DEFAULT_THRESHOLD = 0.6

_MARKER = re.compile(r"\[(\d{1,2})\]")
_LEADING_MARKERS = re.compile(r"^\s*((?:\[\d{1,2}\]\s*)+)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\[\"'(A-Z0-9])")
_POSSESSIVE = re.compile(r"'s\b")
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
# 1,234 / 12% / 12.5 / 2024/25 / 2024-2025 ; thousands commas are removed before matching.
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:\s*[/-]\s*\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "para.", "no.", "approx.", "cf.")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either few for
    from further had has have having he her here hers him his how i if in into is it its itself
    just may me might more most must my no nor not now of off on once only or other our ours out
    over own same shall she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with within without would yes you your yours
    according document documents passage passages mention mentions mentioned say says said
    state states stated set sets out describe describes described explain explains""".split()  # noqa: SIM905 (a readable word block)
)


@dataclass(frozen=True)
class SentenceCheck:
    """The verdict on one answer sentence; ``sources`` are the passages that back it."""

    sentence: str
    supported: bool
    reason: str
    cited: tuple[int, ...] = ()
    sources: tuple[int, ...] = ()
    coverage: float = 0.0
    checkable: bool = True  # False for sentences with no content words and no numbers


@dataclass
class GroundingResult:
    sentences: list[SentenceCheck] = field(default_factory=list)

    @property
    def share_supported(self) -> float:
        """Share of checkable sentences that are supported (0.0 when there are none)."""
        checkable = [s for s in self.sentences if s.checkable]
        if not checkable:
            return 0.0
        return sum(s.supported for s in checkable) / len(checkable)

    @property
    def supported(self) -> list[SentenceCheck]:
        return [s for s in self.sentences if s.supported and s.checkable]

    @property
    def unsupported(self) -> list[SentenceCheck]:
        return [s for s in self.sentences if not s.supported]


def stem(word: str) -> str:
    """A very light stemmer: enough to match referral/referrals, share/shared, plan/planned."""
    if len(word) > 4:
        for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("ly", "")):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + repl
                if suffix in ("ing", "ed"):
                    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsefz":
                        word = word[:-1]
                    return word
                break
        else:
            if word.endswith("s") and not word.endswith(("ss", "us", "is")):
                word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def content_words(text: str) -> set[str]:
    """Lowercased, stemmed words minus stopwords and citation markers; numbers excluded."""
    text = _POSSESSIVE.sub("", _MARKER.sub(" ", text.lower()).replace("’", "'"))
    return {stem(w.strip("'-")) for w in _WORD.findall(text) if w not in STOPWORDS and len(w) > 1}


def _normalise_number(raw: str) -> str:
    raw = re.sub(r"\s+", "", raw).replace("-", "/")
    if "/" in raw:
        first, second = raw.split("/", 1)
        if len(first) == 4 and len(second) == 2:  # 2024/25 -> 2024/2025
            second = first[:2] + second
        return f"{first}/{second}"
    if "." in raw:
        raw = raw.rstrip("0").rstrip(".")
    return raw


def numbers(text: str) -> set[str]:
    """Numbers in ``text`` in a canonical form (no thousands commas, 2024/25 == 2024-2025)."""
    text = _THOUSANDS.sub("", _MARKER.sub(" ", text))
    return {_normalise_number(m) for m in _NUMBER.findall(text)}


def _number_found(number: str, passage_numbers: set[str]) -> bool:
    if number in passage_numbers:
        return True
    singles = {p for p in passage_numbers if "/" not in p}
    if "/" in number:  # a period "2024/25" may be written "2024 to 2025"
        return all(part in singles for part in number.split("/"))
    if len(number) == 4:  # a year may be part of a period "2024/2025"
        return any(number in p.split("/") for p in passage_numbers if "/" in p)
    return False


def split_sentences(text: str) -> list[str]:
    """Split into sentences; markers after a full stop ("... day. [2]") stay with their sentence."""
    protected = text
    for i, abbr in enumerate(_ABBREVIATIONS):
        protected = re.sub(re.escape(abbr), f"\x00{i}\x00", protected, flags=re.IGNORECASE)
    pieces: list[str] = []
    for line in protected.splitlines():
        line = _BULLET.sub("", line).strip()
        if line:
            pieces.extend(p.strip() for p in _SENTENCE_END.split(line) if p.strip())
    sentences: list[str] = []
    for piece in pieces:
        lead = _LEADING_MARKERS.match(piece)
        if lead and sentences:
            sentences[-1] = f"{sentences[-1]} {lead.group(1).strip()}"
            piece = piece[lead.end() :].strip()
        if piece:
            sentences.append(piece)
    restored = []
    for sentence in sentences:
        for i, abbr in enumerate(_ABBREVIATIONS):
            sentence = sentence.replace(f"\x00{i}\x00", abbr)
        restored.append(sentence)
    return restored


def cited_markers(sentence: str) -> tuple[int, ...]:
    """The distinct [n] markers of a sentence, in order of appearance."""
    return tuple(dict.fromkeys(int(m) for m in _MARKER.findall(sentence)))


def strip_markers(sentence: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", _MARKER.sub("", sentence)).strip()


def coverage(words: set[str], passage_words: set[str]) -> float:
    return len(words & passage_words) / len(words) if words else 0.0


def check_sentence(
    sentence: str, passages: dict[int, str], threshold: float = DEFAULT_THRESHOLD
) -> SentenceCheck:
    """Check one sentence against its cited passages (or all passages if it cites none)."""
    cited = cited_markers(sentence)
    words = content_words(sentence)
    nums = numbers(sentence)
    if not words and not nums:
        return SentenceCheck(sentence, True, "nothing to check", cited, cited, 1.0, False)
    unknown = [n for n in cited if n not in passages]
    if unknown:
        return SentenceCheck(sentence, False, f"cites unknown passage(s) {unknown}", cited)
    candidates = [cited] if cited else [(n,) for n in sorted(passages)]
    scored = []
    for group in candidates:
        text = " ".join(passages[n] for n in group)
        cov = coverage(words, content_words(text)) if words else 1.0
        passage_numbers = numbers(text)
        missing = sorted(n for n in nums if not _number_found(n, passage_numbers))
        scored.append((not missing, cov, group, missing))
    _, cov, group, missing = max(scored, key=lambda item: (item[0], item[1]))
    where = f"passage(s) {list(group)}" if cited else "any passage"
    if missing:
        return SentenceCheck(sentence, False, f"number(s) {missing} not in {where}", cited, (), cov)
    if cov < threshold:
        return SentenceCheck(
            sentence, False, f"only {cov:.0%} of content words in {where}", cited, (), cov
        )
    return SentenceCheck(
        sentence, True, f"{cov:.0%} of content words in {where}", cited, group, cov
    )


def check_grounding(
    answer_text: str, passages: dict[int, str], threshold: float = DEFAULT_THRESHOLD
) -> GroundingResult:
    """Check every sentence of a generated answer against the numbered passages it was given."""
    return GroundingResult(
        [check_sentence(s, passages, threshold) for s in split_sentences(answer_text)]
    )


def best_sentence(claim: str, passage_sentences: list[str]) -> str:
    """The passage sentence sharing most content words with ``claim`` (used as a quote)."""
    words = content_words(claim)
    scored = [(len(words & content_words(s)), -i, s) for i, s in enumerate(passage_sentences)]
    return max(scored)[2] if scored else ""
