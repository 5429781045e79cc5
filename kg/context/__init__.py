"""Stage *context*: per-article discourse computed from the recognized
mentions: the places mentioned and the one in focus (市委 → the home city's),
trips with their home and destination places, delegations, the two sides of a
meeting, clause structure. Reads ``mentions`` and ``entities``; writes
``context`` (:class:`kg.context.model.ArticleContext`), computed once."""
