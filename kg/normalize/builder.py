"""Offset-tracking text: a string that remembers which raw characters made it.

Every normalization step is a list of edits ``(start, end, replacement)`` on
the current text. :meth:`OffsetText.edit` applies them and carries the map
along, so after any number of steps ``raw_index[i]`` / ``raw_end[i]`` still
give the raw span behind normalized character ``i``:

- kept characters keep their own raw offsets (slices of the old lists);
- a replacement as long as what it replaces maps one to one (conversion,
  punctuation unification);
- any other replacement maps every new character to the whole raw span it
  replaced (a repaired character, a separator standing for removed garbage);
- a deletion leaves nothing behind.

Insertions (an empty span replaced by text) are refused: every normalized
character must come from some raw character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.doc import OffsetMap

Edit = tuple[int, int, str]


@dataclass
class OffsetText:
    text: str
    raw_index: list[int]
    raw_end: list[int]

    @classmethod
    def from_raw(cls, raw: str) -> OffsetText:
        n = len(raw)
        return cls(raw, list(range(n)), list(range(1, n + 1)))

    def offset_map(self) -> OffsetMap:
        return OffsetMap(raw_index=list(self.raw_index), raw_end=list(self.raw_end))

    def edit(self, edits: Iterable[Edit]) -> OffsetText:
        """Apply sorted, non-overlapping edits; overlapping ones are skipped."""
        text, starts, ends = self.text, self.raw_index, self.raw_end
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        pos = 0
        changed = False
        for a, b, rep in edits:
            if a < pos or b < a:
                continue
            if a == b:
                if rep:
                    raise ValueError("insertions are not allowed: every character needs a raw source")
                continue
            if rep == text[a:b]:
                continue
            changed = True
            out.append(text[pos:a])
            new_starts.extend(starts[pos:a])
            new_ends.extend(ends[pos:a])
            k = len(rep)
            if k == b - a:
                new_starts.extend(starts[a:b])
                new_ends.extend(ends[a:b])
            elif k:
                rs = starts[a]
                re_ = max(ends[a:b])
                new_starts.extend([rs] * k)
                new_ends.extend([re_] * k)
            out.append(rep)
            pos = b
        if not changed:
            return self
        out.append(text[pos:])
        new_starts.extend(starts[pos:])
        new_ends.extend(ends[pos:])
        return OffsetText("".join(out), new_starts, new_ends)

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> OffsetText:
        """Like ``pattern.sub(repl, text)``, keeping the offset map.

        ``repl`` is a literal string (no group references) or a function of
        the match returning the replacement.
        """
        if isinstance(repl, str):
            edits = [(m.start(), m.end(), repl) for m in pattern.finditer(self.text)]
        else:
            edits = [(m.start(), m.end(), repl(m)) for m in pattern.finditer(self.text)]
        return self.edit(edits) if edits else self

    def sub_same_length(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> OffsetText:
        """``sub`` for replacements exactly as long as their matches (one to one), at C speed."""
        new_text = pattern.sub(repl, self.text)
        if new_text == self.text:
            return self
        if len(new_text) != len(self.text):
            raise ValueError("a replacement changed the length")
        return OffsetText(new_text, self.raw_index, self.raw_end)

    def replace_same_length(self, new_text: str) -> OffsetText:
        """Swap in a text of equal length that maps one to one (e.g. a conversion)."""
        if len(new_text) != len(self.text):
            raise ValueError("replace_same_length needs a text of the same length")
        return OffsetText(new_text, self.raw_index, self.raw_end)

    def delete_spans(self, spans: Iterable[tuple[int, int]]) -> OffsetText:
        return self.edit((a, b, "") for a, b in spans)
