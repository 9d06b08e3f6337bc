""" "Can review" stays with the database (issue #17): a role of statusdesk_review (roles.sql,
applied to a real server) approves another person's update — which publishes it, exactly as
submitted — and returns one with a comment; the server refuses it everything else that would
put words out under its own decision: submitting for review, publishing an update of its own
(review on or off, through the desk or straight in SQL), turning review off, editing channels.
A reader cannot approve either."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import psycopg
import pytest

from tests import memkeyring
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import Result, call
from tests.unit.test_postgres_roles import login

memory_keyring = memkeyring.memory_keyring

EN = "Payments recovered; we are monitoring."
AR = "تعافت المدفوعات؛ نراقب الوضع."


def cli(capsys: pytest.CaptureFixture[str], home: Path, url: str, *argv: str) -> Result:
    return call(capsys, "--home", str(home), "--db", url, *argv)


def update_args(en: str = EN, ar: str = AR) -> tuple[str, ...]:
    return ("incident", "update", "1", "--state", "monitoring", "--en", en, "--ar", ar)


def refused_by_the_server(done: Result) -> bool:
    said = done.stdout + done.stderr
    return done.code == 1 and "may not make it" in said and "Nothing was changed" in said


def test_a_reviewer_approves_and_returns_and_the_server_refuses_it_the_rest(
    postgres_server: Postgres,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: memkeyring.MemoryKeyring,
) -> None:
    owner_url = postgres_server.create_database()
    database = postgres_server.database_name(owner_url)
    owner = tmp_path / "owner"
    assert cli(capsys, owner, owner_url, "db", "init").code == 0
    roles = resources.files("statusdesk.store.postgres").joinpath("roles.sql").read_text()
    with psycopg.connect(owner_url, autocommit=True) as connection:
        connection.execute(roles)  # type: ignore[arg-type]  # a script of our own
    opened = cli(
        capsys, owner, owner_url, "incident", "open", "--title-en", "Card payments",
        "--title-ar", "مدفوعات البطاقات", "--en", "Looking.", "--ar", "نبحث.",
    )  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert cli(capsys, owner, owner_url, "setting", "set", "review.required", "on").code == 0

    urls = {}
    for name, group in (
        ("nadia", "statusdesk_publish"),  # login roles: the server's, shared by its tests
        ("sara", "statusdesk_review"),
        ("rawan", "statusdesk_read"),
    ):
        urls[name] = login(postgres_server, database, name, group)
        memory_keyring.passwords[("statusdesk", f"postgres/{urls[name].split('//')[1]}")] = (
            f"{name}-password"
        )
    nadia, sara, rawan = (tmp_path / n for n in ("nadia", "sara", "rawan"))

    submitted = cli(capsys, nadia, urls["nadia"], *update_args(), "--author", "nadia")
    assert submitted.lines[0] == "1 in_review", submitted.stderr
    # A reader may not approve; the reviewer may.
    assert refused_by_the_server(
        cli(capsys, rawan, urls["rawan"], "update", "approve", "1", "--author", "rawan")
    )
    approved = cli(capsys, sara, urls["sara"], "update", "approve", "1", "--author", "sara")
    assert approved.code == 0, approved.stdout + approved.stderr
    shown = cli(capsys, owner, owner_url, "incident", "show", "1", "--json").json()
    last = shown["updates"][-1]
    assert (last["body_en"], last["author"]) == (EN, "nadia")
    assert [d["state"] for d in last["deliveries"]] == ["sent"]

    new = cli(
        capsys, nadia, urls["nadia"], "incident", "open", "--title-en", "Search slow",
        "--title-ar", "البحث بطيء", "--en", "Looking.", "--ar", "نبحث.", "--author", "nadia",
    )  # fmt: skip
    assert new.lines[0] == "2 in_review", new.stderr
    opened_by_approval = cli(
        capsys, sara, urls["sara"], "update", "approve", "2", "--author", "sara"
    )
    assert opened_by_approval.code == 0, opened_by_approval.stdout + opened_by_approval.stderr
    assert opened_by_approval.lines[0] == "2"  # the incident it opened

    again = cli(capsys, nadia, urls["nadia"], *update_args("Still fine.", "ما زال الوضع جيدًا."))
    assert again.lines[0] == "3 in_review", again.stderr
    returned = cli(
        capsys, sara, urls["sara"], "update", "return", "3", "--comment", "Say since when.",
        "--author", "sara",
    )  # fmt: skip
    assert returned.code == 0, returned.stdout + returned.stderr

    # Its own words: submitting is refused, and so is turning review off to publish instead.
    assert refused_by_the_server(
        cli(capsys, sara, urls["sara"], *update_args(), "--author", "sara")
    )
    assert refused_by_the_server(
        cli(capsys, sara, urls["sara"], "setting", "set", "review.required", "off")
    )
    assert refused_by_the_server(cli(capsys, sara, urls["sara"], "channel", "disable", "site"))
    assert cli(capsys, owner, owner_url, "setting", "set", "review.required", "off").code == 0
    assert refused_by_the_server(
        cli(capsys, sara, urls["sara"], *update_args(), "--author", "sara")
    )
    updates = cli(capsys, owner, owner_url, "incident", "show", "1", "--json").json()["updates"]
    assert len(updates) == 2  # the opening update and the approved one: nothing else

    with psycopg.connect(urls["sara"], password="sara-password") as reviewer:
        for statement in (
            """INSERT INTO "update" (incident_id, state, body_en, body_ar, author, created_at,
               status) VALUES (1, 'resolved', 'x', 'x', 'sara', '2026-01-01T00:00:00Z',
               'published')""",
            """INSERT INTO review (state, submission, author, submitted_at, reviewer, comment)
               VALUES ('approved', '{}', 'sara', '2026-01-01T00:00:00Z', '', '')""",
            "UPDATE setting SET value = 'off' WHERE key = 'review.required'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                reviewer.execute(statement)
            reviewer.rollback()
    # A publisher is not held by the reviewers' rule.
    published = cli(capsys, nadia, urls["nadia"], *update_args("Fixed.", "تم الإصلاح."))
    assert published.code == 0, published.stdout + published.stderr

    # A reviewer's desk says who it is and what it has open, as every writing desk does.
    from statusdesk.desk import Desk

    with Desk(sara, db=urls["sara"]) as desk:
        desk.context.author = "sara"
        desk.presence.announce(1, "ar")
        with Desk(owner, db=owner_url) as colleague:
            here = colleague.presence.others(1)
        assert [(p.author, p.editing) for p in here] == [("sara", "ar")]
        desk.presence.leave()
