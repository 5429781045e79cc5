"""Stage *relations*: who visited, met, accompanied whom, who holds which
title where, what is part of and located in what. One module per relation
family (meetings, companions, positions, events); ``relations.extract_relations``
runs them in order. Reads ``mentions``, ``entities`` and ``context``; writes
``positions``, ``events``, ``agreements`` (through :mod:`kg.agreements`) and
``relations``."""
