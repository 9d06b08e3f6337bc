"""The workspace on PostgreSQL, for a team desk (issue #17): the same store parts as SQLite's
over a psycopg connection (database.py), the schema's versions in PostgreSQL's words
(schema.py), and the store that opens and migrates it (store.py). psycopg is imported only when
a workspace on PostgreSQL is opened."""
