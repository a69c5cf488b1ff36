"""English counted nouns: the noun phrase after a number says what it counts ('97 digital professions') and
whether those are people or households; durations, vague nouns and anaphoric counts ('the four cities') are not
facts."""
from __future__ import annotations

import re
from functools import lru_cache

from .reference import alternation, load_json

# ('1m EVs', '300 SMEs': an acronym's plural counts like a word's)
_FOLLOW_WORDS = re.compile(r"[ \t]+((?:(?:[a-z][a-z'’-]*|[A-Z]{2,6}s(?![A-Za-z]))[ \t]*){1,4})")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,6}s")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    nf = load_json("nonfacts.json")
    cn = load_json("count_nouns.json")
    nw = load_json("number_words.json")
    return {
        "stop": frozenset(nf["en_stop_after"]),
        "duration": frozenset(nf["en_duration_nouns"]),
        "vague": frozenset(nf["en_vague_nouns"]),
        "person": frozenset(cn["person"]),
        "person_time": frozenset(cn["person_time"]),
        "household": frozenset(cn["household"]),
        "plurals": frozenset(cn["irregular_plurals"]),
        "fractions": {k.lower(): v for k, v in nw["fractions"].items()},
        "multiples": {k.lower(): v for k, v in nw["multiples"].items()},
    }


def counted_noun(text: str, start: int, after: int, spelled: bool, scaled: bool, year_like: bool):
    """The noun a number counts, read from the words after it (at `after`): '97 digital professions', 'nine key
    tasks', '2.3 million workers'. Returns (end of the quote, the noun phrase, unit) or None."""
    voc = vocabulary()
    fw = _FOLLOW_WORDS.match(text, after)
    if not fw:
        return None
    tokens = fw.group(1).split()
    head_i = None
    for i, tok in enumerate(tokens):
        t = tok.lower().strip("'’")
        if t in voc["stop"]:
            break
        if _plural(t, voc) or _ACRONYM_PLURAL.fullmatch(tok):
            head_i = i  # 'logistics parks': the last of a run of plurals is the head
        elif head_i is not None:
            break
    if head_i is None and scaled:
        return None  # after a scale word only a plural noun is taken as what is counted
    if head_i is None and not spelled and not year_like and not scaled and _after_count_verb(text, start) and (
            not tokens or tokens[0].lower() in voc["stop"]):
        return after, "", "count"  # 'it sold just 1,389 last year': the verb says what is counted
    if head_i is None:
        if spelled or not tokens or tokens[0].lower() in voc["stop"] or year_like:
            return None  # '2025 strategy', 'the 2019 edition': a year used as a name, not a count
        # digits before a modifier ('4 cross-city and 3 inter-provincial …') still count something
        head_i = 0
    head = re.sub(r"['’]s$", "", tokens[head_i].lower())  # 'one year's spending': the possessive's noun
    if head in voc["duration"] or head.rstrip("s") in voc["duration"] or (spelled and head in voc["vague"]):
        return None
    if spelled and "-" in text[after:after + 1]:
        return None
    if (spelled and _DEFINITE.search(text, max(0, start - 5), start)
            and not _INTRODUCES.match(text, _end_of(text, fw, tokens, head_i))
            and re.search(rf"\b{re.escape(tokens[head_i])}\b", text[max(0, start - _ANAPHORA_WINDOW):start])):
        return None  # 'the four cities' points back at cities already named; 'the three provinces of A, B and C' names them
    unit = next((u for u in ("person", "person_time", "household") if head in voc[u]), "count")
    return _end_of(text, fw, tokens, head_i), " ".join(tokens[:head_i + 1]), unit


_ANAPHORA_WINDOW = 800


@lru_cache(maxsize=1)
def _count_verb_rx() -> re.Pattern:
    cn = load_json("count_nouns.json")
    return re.compile(rf"(?i)\b(?:{alternation(cn['count_verbs'])})(?:[ \t]+(?:{alternation(cn['count_verb_modifiers'])}))?[ \t]+$")


def _after_count_verb(text: str, start: int) -> bool:
    return bool(_count_verb_rx().search(text, max(0, start - 30), start))
_DEFINITE = re.compile(r"(?i)\bthe[ \t]+$")
_INTRODUCES = re.compile(r"[ \t]*(?:of\b|:|：)")


def _end_of(text: str, fw: re.Match, tokens: list[str], head_i: int) -> int:
    pos = fw.start(1)
    for tok in tokens[:head_i + 1]:
        pos = text.index(tok, pos) + len(tok)
    return pos


def _plural(word: str, voc) -> bool:
    if word in voc["plurals"]:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
