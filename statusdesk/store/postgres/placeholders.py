"""The store's SQL is written once, with SQLite's placeholders: `?` by position and `:name` by
name. psycopg takes `%s` and `%(name)s` (and reads a bare `%` as the start of one). `pyformat`
rewrites a statement's placeholders for psycopg, leaving string literals, quoted names,
comments and PostgreSQL's `::` casts as they are. Statements are few and fixed, so each is
rewritten once and remembered.

Hand-written because no library converts between DB-API parameter styles on their own; the
tokenising is a single regular expression over the four things SQL can quote.
"""

from __future__ import annotations

import functools
import re

# What may hold a '?' or ':' or '%' that is not a placeholder: a string literal (with '' as an
# escaped quote), a quoted name, a line comment, a block comment. Then the placeholders
# themselves, and a '::' cast before a ':name' could be taken for one.
_TOKEN = re.compile(
    r"""
    (?P<quoted> '(?:[^']|'')*' | "(?:[^"]|"")*" | --[^\n]* | /\*.*?\*/ )
  | (?P<cast> ::)
  | (?P<named> (?<![\w:]) :(?P<name>[A-Za-z_]\w*) )
  | (?P<positional> \? )
  | (?P<percent> % )
    """,
    re.VERBOSE | re.DOTALL,
)


@functools.lru_cache(maxsize=1024)
def pyformat(sql: str) -> str:
    """`sql` with `?` as `%s`, `:name` as `%(name)s` and a literal `%` doubled, outside quotes."""

    def rewrite(match: re.Match[str]) -> str:
        if match.group("quoted") is not None:
            return match.group("quoted").replace("%", "%%")
        if match.group("cast") is not None:
            return "::"
        if match.group("named") is not None:
            return f"%({match.group('name')})s"
        if match.group("positional") is not None:
            return "%s"
        return "%%"

    return _TOKEN.sub(rewrite, sql)
