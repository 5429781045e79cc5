"""Photo credits: a name written right before 摄 / 摄影 (data/person_photo_credits.tsv)
at the end of a caption (沈裕谋率代表团考察产业园。均为曾诗怡 摄) names who took the
pictures. A person named only so takes part in none of the article's visits and
meetings, nor accompanies anyone: the scoring stage drops what the relation
model keeps for them, as for a byline's reporters (the rules give them nothing:
they never stand in a run of names). Someone also named elsewhere in the text
keeps their part (审核:蔡红星 beside 副院长蔡红星). On corpus train and dev the
model had given such photographers 22 visits, meetings and escorts, none gold."""

from __future__ import annotations

import re

from kg.doc import Article
from kg.lexicons.load import alternation, derived


@derived
def photo_credit_re() -> re.Pattern:
    """Spaces, a credit word, then the end of the credit (a line end, a space, a
    bracket or a punctuation mark): 王芳 摄 / 王芳摄影), not 王芳摄制的."""
    return re.compile(r"[ \t\u3000]*" + alternation("person_photo_credits", "credit")
                      + r"(?=$|[\s/／)）】\]|｜:：,，。;；、])", re.M)


def photographers(article: Article) -> set[int]:
    """The people every mention of whom is followed by a photo credit."""
    credited: set[int] = set()
    elsewhere: set[int] = set()
    for m in article.mentions:
        if m.entity is None or article.entities[m.entity].type != "Person":
            continue
        (credited if photo_credit_re().match(article.text, m.end) else elsewhere).add(m.entity)
    return credited - elsewhere
