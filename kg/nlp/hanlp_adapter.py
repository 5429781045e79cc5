"""The only place that translates HanLP output into our types.

Two shapes of HanLP output are understood:

* a single-task NER model (such as the shipped one) called on lists of
  characters returns, per input, ``[(text, label, begin, end), ...]`` with
  character offsets (``end`` exclusive);
* a multi-task model returns a ``hanlp_common.document.Document``: a dict
  whose keys name tasks (``tok/fine``, ``pos/ctb``, ``ner/msra``,
  ``ner/ontonotes``, ``ner/pku``, ``dep``, ``srl``...) and whose values hold
  one entry per input sentence. NER and SRL spans are
  ``[text, label, begin_token, end_token)``, ``dep`` is one
  ``[head, relation]`` per token with 1-based heads (0 = root).

Every offset produced here is an article offset: ``sentence.start`` plus the
character offset inside the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kg.doc import Dependency, EntityType, ModelSpan, Sentence, SentenceAnalysis, SrlArgument, Token

#: HanLP NER labels of each tag set mapped onto our entity types (others are dropped)
LABEL_TYPES: dict[str, EntityType] = {
    # our MSRA model (PER/LOC/ORG)
    "PER": "Person",
    "LOC": "Place",
    "ORG": "Organization",
    # HanLP's MSRA tag set
    "PERSON": "Person",
    "LOCATION": "Place",
    "ORGANIZATION": "Organization",
    # OntoNotes
    "GPE": "Place",
    # PKU (People's Daily): nr person, ns place, nt organization
    "NR": "Person",
    "NS": "Place",
    "NT": "Organization",
}

#: which NER output of a multi-task Document is used, first present wins
NER_KEYS = ("ner/msra", "ner/ontonotes", "ner/pku", "ner")
TOK_KEYS = ("tok/fine", "tok/coarse", "tok")
POS_KEYS = ("pos/ctb", "pos/pku", "pos/863", "pos")


def entity_type(label: str) -> EntityType | None:
    """Our type for a HanLP NER label of any supported tag set, None when not an entity we keep."""
    return LABEL_TYPES.get(label.upper())


def ner_spans_to_entities(sentence: Sentence, spans: Sequence[Sequence[Any]], char_offset: int = 0) -> list[ModelSpan]:
    """Spans ``(text, label, begin, end)`` in characters of the text that starts at ``char_offset`` of the sentence,
    with the model's probability of the span as a fifth element when the model gives it."""
    entities: list[ModelSpan] = []
    for span in spans:
        _text, label, begin, end = span[0], str(span[1]), int(span[2]), int(span[3])
        kind = entity_type(label)
        if kind is None or end <= begin:
            continue
        start = char_offset + begin
        stop = char_offset + end
        if stop > len(sentence.text):
            continue
        confidence = span[4] if len(span) > 4 else None
        entities.append(ModelSpan(sentence.start + start, sentence.start + stop, sentence.text[start:stop], kind, label,
                                  None if confidence is None else float(confidence)))
    return entities


def align_tokens(sentence: Sentence, words: Sequence[str]) -> list[Token]:
    """Tokens with article offsets; each word is searched from the end of the previous one."""
    tokens: list[Token] = []
    cursor = 0
    text = sentence.text
    for word in words:
        found = text.find(word, cursor) if word else -1
        if found < 0 or text[cursor:found].strip():
            found = cursor  # the tokenizer altered the text: keep the order, clip to the sentence
        start = min(found, len(text))
        end = min(start + len(word), len(text))
        tokens.append(Token(word, sentence.start + start, sentence.start + end))
        cursor = end
    return tokens


def _first_key(doc: Mapping[str, Any], keys: Sequence[str]) -> str | None:
    for key in keys:
        if key in doc and doc[key] is not None:
            return key
    prefix = keys[0].split("/")[0] + "/"
    for key in doc:  # other variants of the task, e.g. "ner/ontonotes_v5"
        if key.startswith(prefix) and doc[key] is not None:
            return key
    return None


def _token_span(tokens: list[Token], begin: int, end: int) -> tuple[int, int] | None:
    if not (0 <= begin < end <= len(tokens)):
        return None
    return tokens[begin].start, tokens[end - 1].end


def analysis_from_document(sentence: Sentence, doc: Mapping[str, Any], index: int) -> SentenceAnalysis:
    """The ``index``-th sentence of a multi-task Document (called on a list of sentences)."""
    tok_key = _first_key(doc, TOK_KEYS)
    if tok_key is None:
        raise ValueError(f"HanLP output has no tokens (keys: {sorted(doc)})")
    tokens = align_tokens(sentence, doc[tok_key][index])
    pos_key = _first_key(doc, POS_KEYS)
    if pos_key is not None:
        for token, tag in zip(tokens, doc[pos_key][index]):
            token.pos = str(tag)

    analysis = SentenceAnalysis(tokens=tokens)
    ner_key = _first_key(doc, NER_KEYS)
    if ner_key is not None:
        for span in doc[ner_key][index]:
            _text, label, begin, end = span[0], str(span[1]), int(span[2]), int(span[3])
            kind = entity_type(label)
            bounds = _token_span(tokens, begin, end)
            if kind is None or bounds is None:
                continue
            start, stop = bounds
            text = sentence.text[start - sentence.start : stop - sentence.start]
            analysis.entities.append(ModelSpan(start, stop, text, kind, label))

    if "dep" in doc and doc["dep"] is not None:
        arcs = doc["dep"][index]
        if len(arcs) == len(tokens):
            analysis.dependencies = [Dependency(int(head) - 1, str(rel)) for head, rel in arcs]

    if "srl" in doc and doc["srl"] is not None:
        for frame in doc["srl"][index]:
            arguments: list[SrlArgument] = []
            for _text, role, begin, end in frame:
                bounds = _token_span(tokens, int(begin), int(end))
                if bounds is None:
                    continue
                start, stop = bounds
                arguments.append(
                    SrlArgument(str(role), start, stop, sentence.text[start - sentence.start : stop - sentence.start])
                )
            if arguments:
                analysis.srl.append(arguments)
    return analysis


def analyses_from_document(sentences: Sequence[Sentence], doc: Mapping[str, Any]) -> list[SentenceAnalysis]:
    """One SentenceAnalysis per sentence of a Document made from ``[s.text for s in sentences]``."""
    return [analysis_from_document(sentence, doc, i) for i, sentence in enumerate(sentences)]
