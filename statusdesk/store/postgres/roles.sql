-- Who may do what on a team desk's PostgreSQL database (issue #17), enforced by the server.
-- Run once as the database's owner, after `statusdesk db init`, then give each person a login
-- role in one of the groups. docs/TEAM.md explains each line; tests/unit/test_postgres_roles.py
-- applies this file to a real server and checks each group.
--
--   statusdesk_read     can read and export: every write is refused by the server
--   statusdesk_review   can also approve or return updates submitted for review (approving
--                       publishes exactly what was submitted), run the outbox and decide on
--                       deliveries; it cannot submit, open or publish anything of its own,
--                       nor change settings, channels or subscribers
--   statusdesk_publish  can also write updates, publish them and run the outbox
--
-- The schema's owner (the role that ran `db init`) is the only one that can migrate it.
--
-- Roles belong to the whole server, grants to one database: a second workspace's database on
-- the same server runs this file too, and finds the groups there already.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'statusdesk_read') THEN
        CREATE ROLE statusdesk_read NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'statusdesk_publish') THEN
        CREATE ROLE statusdesk_publish NOLOGIN IN ROLE statusdesk_read;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'statusdesk_review') THEN
        CREATE ROLE statusdesk_review NOLOGIN IN ROLE statusdesk_read;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO statusdesk_read;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO statusdesk_read;

GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO statusdesk_publish;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO statusdesk_publish;
-- What was said is never rewritten: the event log takes new rows only (its trigger refuses
-- the rest even to the owner), and the schema's version is the owner's.
REVOKE UPDATE, DELETE ON event, statusdesk_schema FROM statusdesk_publish;
REVOKE INSERT ON statusdesk_schema FROM statusdesk_publish;

-- "Can review" (issue #17). Approving writes what publishing writes (the incident, the update,
-- its deliveries, the components' status) plus the review's decision, so the grants alone
-- cannot tell an approval from a publish: a trigger does. For a role of statusdesk_review that
-- is not also a publisher, a new incident or update is refused unless a review was approved in
-- the same transaction — app/review.py approves and publishes in one. Submitting for review
-- (INSERT on review), settings (review.required among them), channels, subscribers, component
-- groups and postmortems are not granted at all.
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO statusdesk_review;
GRANT INSERT, UPDATE ON incident, "update", component TO statusdesk_review;
GRANT INSERT, UPDATE, DELETE ON incident_component, update_override, delivery, delivery_part,
    thread_anchor, draft, presence TO statusdesk_review;
GRANT INSERT ON event TO statusdesk_review;
GRANT UPDATE (state, reviewer, decided_at, comment, incident_id, update_id) ON review
    TO statusdesk_review;

CREATE FUNCTION statusdesk_only_what_was_approved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_has_role(current_user, 'statusdesk_review', 'MEMBER')
       AND NOT pg_has_role(current_user, 'statusdesk_publish', 'MEMBER')
       AND NOT EXISTS (
           SELECT 1 FROM review
           WHERE state = 'approved'
             -- approved by this very transaction (its row version is this transaction's)
             AND xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text
       ) THEN
        RAISE EXCEPTION 'a reviewer may publish only an update it approves (% refused)',
            TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER statusdesk_incident_reviewed BEFORE INSERT ON incident
    FOR EACH ROW EXECUTE FUNCTION statusdesk_only_what_was_approved();
CREATE TRIGGER statusdesk_update_reviewed BEFORE INSERT ON "update"
    FOR EACH ROW EXECUTE FUNCTION statusdesk_only_what_was_approved();
