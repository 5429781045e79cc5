"""Agreements: signed documents and projects, their parties (sides of the
signing) and witnesses. Called by the relations stage; imports only context
and lexicons."""
