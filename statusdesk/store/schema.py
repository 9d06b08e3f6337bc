"""Schema migrations, applied in order by `PRAGMA user_version`.

Each entry is one SQL script; entry N brings the database from version N-1 to N. Never edit a
shipped entry: add a new one.
"""

from __future__ import annotations

_STATE = (
    "'investigating','identified','monitoring','resolved',"
    "'scheduled','in_progress','verifying','completed'"
)
_COMPONENT_STATUS = (
    "'operational','degraded_performance','partial_outage','major_outage','under_maintenance'"
)
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

V1 = f"""
CREATE TABLE component (
    id INTEGER PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_ar TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'operational' CHECK (status IN ({_COMPONENT_STATUS})),
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX component_name_en ON component (name_en COLLATE NOCASE);

CREATE TABLE incident (
    id INTEGER PRIMARY KEY,
    title_en TEXT NOT NULL DEFAULT '',
    title_ar TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('incident','maintenance')),
    state TEXT NOT NULL CHECK (state IN ({_STATE})),
    impact TEXT NOT NULL DEFAULT 'none' CHECK (impact IN ('none','minor','major','critical')),
    started_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    resolved_at TEXT,
    next_update_due TEXT,
    cadence_min INTEGER NOT NULL DEFAULT 30,
    window_start TEXT,
    window_end TEXT
);
CREATE INDEX incident_state ON incident (state);
CREATE INDEX incident_updated ON incident (updated_at);

CREATE TABLE incident_component (
    incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    component_id INTEGER NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    PRIMARY KEY (incident_id, component_id)
) WITHOUT ROWID;

CREATE TABLE "update" (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ({_STATE})),
    body_en TEXT NOT NULL DEFAULT '',
    body_ar TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    scheduled_for TEXT,
    status TEXT NOT NULL CHECK (status IN ('scheduled','stale','published','cancelled')),
    published_at TEXT,
    -- [{"component_id", "old_status", "new_status"}], Statuspage's affected_components
    component_changes TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX update_incident ON "update" (incident_id, created_at);
CREATE INDEX update_status ON "update" (status);

CREATE TABLE channel (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL UNIQUE,
    enabled INTEGER NOT NULL DEFAULT 1,
    language TEXT NOT NULL DEFAULT 'both' CHECK (language IN ('en','ar','both')),
    "order" TEXT NOT NULL DEFAULT 'en-first' CHECK ("order" IN ('en-first','ar-first')),
    settings TEXT NOT NULL DEFAULT '{{}}',  -- JSON, never secrets
    created_at TEXT NOT NULL
);

CREATE TABLE update_override (
    update_id INTEGER NOT NULL REFERENCES "update" (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    PRIMARY KEY (update_id, channel_id)
) WITHOUT ROWID;

CREATE TABLE delivery (
    id INTEGER PRIMARY KEY,
    update_id INTEGER NOT NULL REFERENCES "update" (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channel (id),
    state TEXT NOT NULL CHECK (state IN (
        'pending','sending','sent','retry_wait','failed','unknown','needs_decision','skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    idempotency_key TEXT NOT NULL UNIQUE,
    remote_id TEXT,
    remote_url TEXT,
    last_error TEXT,
    sent_at TEXT,
    decided_by TEXT,
    decision_note TEXT,
    owner TEXT,
    lease_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (update_id, channel_id)
);
CREATE INDEX delivery_state ON delivery (state, next_attempt_at);

CREATE TABLE delivery_part (
    id INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending',
    remote_id TEXT,
    remote_url TEXT,
    last_error TEXT,
    sent_at TEXT,
    UNIQUE (delivery_id, seq)
);

CREATE TABLE subscriber (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    language TEXT NOT NULL DEFAULT 'both' CHECK (language IN ('en','ar','both')),
    unsubscribe_token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    unsubscribed_at TEXT
);

CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    incident_id INTEGER,
    update_id INTEGER,
    delivery_id INTEGER,
    channel_id INTEGER,
    data TEXT NOT NULL DEFAULT '{{}}'
);
CREATE INDEX event_incident ON event (incident_id, at);
-- The audit log is what the postmortem is built from: it only ever grows.
CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- A fresh workspace publishes to its own local status page out of the box.
INSERT INTO channel (kind, name, enabled, language, "order", settings, created_at)
VALUES ('site', 'site', 1, 'both', 'en-first', '{{}}', {_NOW});
"""

# Exactly what a delivery's first attempt sent (its rendered parts, as JSON): every retry
# under the same idempotency key resends these bytes, even after a later update changed the
# incident (a receiver that dedupes by key rejects a key reused with another body).
V2 = """
ALTER TABLE delivery ADD COLUMN rendered TEXT;
"""

# Scheduled updates (issue #5): what a scheduled update does when it goes out is kept with it —
# the impact and component statuses it sets and the channels chosen when it was written — so
# whichever process fires it (the GUI, `statusdesk run`) publishes exactly what was checked.
# Component changes are still recorded in `component_changes` when it goes out.
V3 = """
ALTER TABLE "update" ADD COLUMN impact TEXT;
ALTER TABLE "update" ADD COLUMN component_plan TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "update" ADD COLUMN channel_ids TEXT;
CREATE INDEX update_due ON "update" (status, scheduled_for);
"""

# Drafts as they are typed (issue #8): one row per draft the composer holds — "new" for a new
# incident's, else the incident's id — so a crash, a kill or a power cut loses at most the last
# half second of typing. Not an event: a draft is not something that was said.
V4 = """
CREATE TABLE draft (
    target TEXT PRIMARY KEY,
    content TEXT NOT NULL,
    saved_at TEXT NOT NULL
) WITHOUT ROWID;
"""

# The audience never narrows by accident (issue #12 §1): a scheduled update keeps whether it
# goes to every channel enabled when it falls due (`every_channel`), or to the channels chosen
# with the reason the others are left out (`skip_reason`, decided by `skip_by`): those get a
# `skipped` delivery carrying the reason when it goes out.
V5 = """
ALTER TABLE "update" ADD COLUMN every_channel INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "update" ADD COLUMN skip_reason TEXT;
ALTER TABLE "update" ADD COLUMN skip_by TEXT;
"""

# Removing a channel (issue #12 §7) keeps its row: its past deliveries keep pointing at it, so the
# timeline, `deliveries --json` and exports still name it. `removed_at` hides it from every list
# and choice; `removed_name` keeps the name shown for it, while `name` (UNIQUE) is changed to a
# tombstone no `channel add` can type (it has a '/'), so a new channel may take the name again.
# The status page's name and digits become workspace settings (statusdesk/settings.py): what the
# (first) site channel had for them is carried over and taken out of its settings.
V6 = """
ALTER TABLE channel ADD COLUMN removed_at TEXT;
ALTER TABLE channel ADD COLUMN removed_name TEXT;
INSERT OR IGNORE INTO setting (key, value)
    SELECT 'site.title_en', trim(json_extract(settings, '$.title_en')) FROM channel
    WHERE kind = 'site' AND trim(coalesce(json_extract(settings, '$.title_en'), '')) != ''
    ORDER BY id LIMIT 1;
INSERT OR IGNORE INTO setting (key, value)
    SELECT 'site.title_ar', trim(json_extract(settings, '$.title_ar')) FROM channel
    WHERE kind = 'site' AND trim(coalesce(json_extract(settings, '$.title_ar'), '')) != ''
    ORDER BY id LIMIT 1;
INSERT OR IGNORE INTO setting (key, value)
    SELECT 'display.digits', 'arab' FROM channel
    WHERE kind = 'site' AND json_extract(settings, '$.digits') = 'arab'
    ORDER BY id LIMIT 1;
UPDATE channel SET settings = json_remove(settings, '$.title_en', '$.title_ar', '$.digits')
WHERE kind = 'site' AND json_valid(settings);
"""

# Components in both languages, with descriptions and groups (issue #14). A group has its own
# bilingual name and no status of its own (the page shows the worst of its members, as
# Statuspage does); a component belongs to at most one. The api/v2 JSON shows a group as
# Statuspage does: a component entry with `group: true` and its members' ids. A group with no
# members left is removed by the store, so there is no separate group lifecycle to manage.
V7 = """
CREATE TABLE component_group (
    id INTEGER PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_ar TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX component_group_name_en ON component_group (name_en COLLATE NOCASE);
ALTER TABLE component ADD COLUMN group_id INTEGER REFERENCES component_group (id)
    ON DELETE SET NULL;
ALTER TABLE component ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE component ADD COLUMN description_ar TEXT NOT NULL DEFAULT '';
"""

# A resolved incident's bilingual postmortem (issue #14): one per incident, shown on its page,
# in the feeds and as Statuspage's `postmortem_body`. `published_at` is when it first went up
# (Statuspage's postmortem_published_at), `updated_at` its last rewrite. Its own table rather
# than columns of `incident`: most incidents never have one, and the page reads them all in
# one query.
V8 = """
CREATE TABLE postmortem (
    incident_id INTEGER PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
    body_en TEXT NOT NULL,
    body_ar TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    published_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

# Per-component email subscriptions (issue #15): the components a subscriber follows, by id (a
# renamed component keeps its followers). No rows: every component, which is what every
# subscriber had before. A component that active subscribers follow is not removed (the store
# refuses); the cascade only tidies the rows of those who unsubscribed.
SUBSCRIBER_COMPONENTS = """
CREATE TABLE subscriber_component (
    subscriber_id INTEGER NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    component_id INTEGER NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    PRIMARY KEY (subscriber_id, component_id)
) WITHOUT ROWID;
CREATE INDEX subscriber_component_component ON subscriber_component (component_id);
"""

# One thread per incident (issue #15): where an incident's thread stands on a posting channel
# (X, Mastodon, Bluesky, Telegram), so its next update replies to its last post. `root_id` is
# the thread's first post, `last_id` the post the next update replies to; `refs` is opaque JSON
# a service needs beyond an id to reply (Bluesky's uri and cid). `delivery_id` is the delivery
# that left it there: an older delivery finishing late never moves the anchor back.
THREAD_ANCHORS = """
CREATE TABLE thread_anchor (
    incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    root_id TEXT NOT NULL,
    last_id TEXT NOT NULL,
    refs TEXT NOT NULL DEFAULT '{}',
    delivery_id INTEGER NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (incident_id, channel_id)
) WITHOUT ROWID;
"""

# A second pair of eyes (issue #17): an update submitted for review while `review.required` is
# on. `submission` is JSON holding everything needed to publish exactly what was submitted;
# `incident_id` is NULL for a new incident's first update, `update_id` is set once it is
# published (approved, or waived for critical impact). Its own table: the `update` table's
# CHECK on status stays as it is (SQLite cannot change a CHECK without rebuilding the table).
REVIEWS = """
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER REFERENCES incident (id) ON DELETE CASCADE,
    update_id INTEGER REFERENCES "update" (id) ON DELETE SET NULL,
    state TEXT NOT NULL CHECK (state IN ('in_review','returned','approved','waived')),
    submission TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    decided_at TEXT,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_state ON review (state);
CREATE INDEX review_update ON review (update_id);
"""

# Who is doing what (issue #17): a draft's `revision` (a token made at each save) lets a save say
# which revision it was based on, so the second of two desks saving one draft sees the first and
# asks instead of overwriting it; `saved_by` names who saved it. `presence`: each running desk
# (its owner id) says who it is, which incident it has open (NULL: none, or a new incident's) and
# which language it is editing ('' none, 'en', 'ar'); a row not seen for a while is ignored (a
# desk that crashed), and a desk removes its own when it closes.
PRESENCE = """
ALTER TABLE draft ADD COLUMN revision TEXT NOT NULL DEFAULT '';
ALTER TABLE draft ADD COLUMN saved_by TEXT NOT NULL DEFAULT '';
CREATE TABLE presence (
    desk TEXT PRIMARY KEY,
    author TEXT NOT NULL DEFAULT '',
    incident_id INTEGER,
    editing TEXT NOT NULL DEFAULT '' CHECK (editing IN ('', 'en', 'ar')),
    seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX presence_incident ON presence (incident_id, seen_at);
"""

MIGRATIONS: tuple[str, ...] = (
    V1,
    V2,
    V3,
    V4,
    V5,
    V6,
    V7,
    V8,
    SUBSCRIBER_COMPONENTS,
    THREAD_ANCHORS,
    REVIEWS,
    PRESENCE,
)
