-- Who may do what on a team desk's PostgreSQL database (issue #17), enforced by the server.
-- Run once as the database's owner, after `statusdesk db init`, then give each person a login
-- role in one of the groups. docs/TEAM.md explains each line; tests/unit/test_postgres_roles.py
-- applies this file to a real server and checks each group.
--
--   statusdesk_read     can read and export: every write is refused by the server
--   statusdesk_publish  can also write updates, publish them and run the outbox
--
-- The schema's owner (the role that ran `db init`) is the only one that can migrate it.

CREATE ROLE statusdesk_read NOLOGIN;
GRANT USAGE ON SCHEMA public TO statusdesk_read;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO statusdesk_read;

CREATE ROLE statusdesk_publish NOLOGIN IN ROLE statusdesk_read;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO statusdesk_publish;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO statusdesk_publish;
-- What was said is never rewritten: the event log takes new rows only (its trigger refuses
-- the rest even to the owner), and the schema's version is the owner's.
REVOKE UPDATE, DELETE ON event, statusdesk_schema FROM statusdesk_publish;
REVOKE INSERT ON statusdesk_schema FROM statusdesk_publish;
