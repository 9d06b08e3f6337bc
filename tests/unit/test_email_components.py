"""Per-component email subscriptions (issue #15) end to end: who a real SMTP server on
127.0.0.1 (aiosmtpd, the same as test_email.py) gets mail for, when subscribers follow some
components and an incident names some; the fixed `recipients` list is not filtered; the
composer's email preview counts the same people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from statusdesk.app.compose import DraftSnapshot
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests.unit.test_cli_support import call
from tests.unit.test_email import (  # noqa: F401 - the fixtures, by name
    AR,
    EN,
    SENT,
    TITLE,
    MailServer,
    MemoryKeyring,
    Servers,
    add_mail,
    attempt,
    mail_desk,
    mail_server,
    memory_keyring,
    parts,
    test_ca,
    trust_test_ca,
)

MAJOR = ComponentStatus.MAJOR_OUTAGE
Mailing = tuple[Desk, MailServer]


@pytest.fixture
def mailing(
    mail_desk: Desk,  # noqa: F811
    mail_server: Servers,  # noqa: F811
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> Mailing:
    """A workspace with an email channel `mail` to a real local SMTP server, and three
    components: API, Trading and Web (in English and Arabic)."""
    server = mail_server()
    add_mail(mail_desk, server)
    components(mail_desk, ("API", "الواجهة"), ("Trading", "التداول"), ("Web", "الموقع"))
    return mail_desk, server


def components(desk: Desk, *names: tuple[str, str]) -> None:
    for en, ar in names:
        desk.components.add(BilingualText(en, ar))


def follow(desk: Desk, *people: tuple[str, str]) -> None:
    """(address, components by name, '' for all), subscribed as `subscriber add` does."""
    for address, names in people:
        desk.subscribers.add(address, "both", names or None)


def publish_about(desk: Desk, *names: str) -> Published:
    draft = Draft(
        BilingualText(EN, AR),
        IncidentState.IDENTIFIED,
        author="amal",
        component_status={name: MAJOR for name in names},
    )
    return desk.publishing.open_incident(
        title=TITLE, draft=draft, channel_names=["mail"], dispatch=False
    )


def mailed(server: MailServer) -> list[str]:
    return [address for r in server.received for address in r.rcpt_tos]


PEOPLE = (
    ("api@example.com", "API"),
    ("trading@example.com", "Trading"),
    ("everything@example.com", ""),
    ("arabic-names@example.com", "الواجهة،الموقع"),  # API and Web, by their Arabic names
)


def test_an_update_mails_only_who_follows_one_of_its_components_or_all(mailing: Mailing) -> None:
    desk, server = mailing
    follow(desk, *PEOPLE)

    delivery = attempt(desk, publish_about(desk, "API"))
    assert delivery.state is SENT, delivery.last_error
    expected = ["api@example.com", "everything@example.com", "arabic-names@example.com"]
    assert mailed(server) == expected
    assert set(parts(desk, delivery)) == set(expected)  # the ledger names the same people

    server.received.clear()
    delivery = attempt(desk, publish_about(desk, "Trading", "Web"))
    assert delivery.state is SENT, delivery.last_error
    assert mailed(server) == [
        "trading@example.com",
        "everything@example.com",
        "arabic-names@example.com",
    ]


def test_an_incident_naming_no_component_mails_every_subscriber(mailing: Mailing) -> None:
    desk, server = mailing
    follow(desk, *PEOPLE)
    delivery = attempt(desk, publish_about(desk))
    assert delivery.state is SENT, delivery.last_error
    assert mailed(server) == [address for address, _ in PEOPLE]


def test_a_component_new_with_this_update_mails_those_following_all(mailing: Mailing) -> None:
    """Nobody can follow a component the update itself creates: those following every
    component get it, those who chose others do not."""
    desk, server = mailing
    follow(desk, *PEOPLE)
    delivery = attempt(desk, publish_about(desk, "Payments"))
    assert delivery.state is SENT, delivery.last_error
    assert mailed(server) == ["everything@example.com"]


def test_a_renamed_component_keeps_its_followers(mailing: Mailing) -> None:
    desk, server = mailing
    follow(desk, ("trader@example.com", "Trading"), ("api@example.com", "API"))
    desk.components.edit("Trading", name_en="Markets")
    delivery = attempt(desk, publish_about(desk, "Markets"))
    assert delivery.state is SENT, delivery.last_error
    assert mailed(server) == ["trader@example.com"]


def test_the_fixed_recipients_list_is_not_filtered(mailing: Mailing) -> None:
    desk, server = mailing
    desk.channels.edit_channel("mail", {"recipients": "ops@example.com"})
    follow(desk, ("api@example.com", "API"))
    delivery = attempt(desk, publish_about(desk, "Trading"))
    assert delivery.state is SENT, delivery.last_error
    assert mailed(server) == ["ops@example.com"]


def test_the_email_preview_counts_who_the_update_will_mail(mailing: Mailing) -> None:
    desk, _ = mailing
    follow(desk, *PEOPLE)

    def count(names: tuple[str, ...], incident_id: int | None = None) -> int | None:
        snapshot = DraftSnapshot(
            incident_id=incident_id,
            kind=IncidentKind.INCIDENT,
            title=TITLE,
            body=BilingualText(EN, AR),
            state=IncidentState.IDENTIFIED,
            impact=Impact.MAJOR,
            components={name: MAJOR for name in names},
            channels=("mail",),
        )
        (preview,) = desk.previews.render_previews(snapshot)
        assert not preview.error, preview.error
        return preview.recipients

    assert count(()) == 4
    assert count(("API",)) == 3
    assert count(("Trading",)) == 2
    assert count(("Payments",)) == 1  # new with this update: those following all
    # A later update of an incident about Trading that adds Web: both count.
    published = publish_about(desk, "Trading")
    assert count(("Web",), incident_id=published.incident_id) == 3


def test_the_subscriber_commands_take_and_show_components(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*argv: str) -> Any:
        return call(capsys, "--home", str(home), "subscriber", *argv)

    with Desk(home) as desk:
        components(desk, ("API", "الواجهة"), ("Trading", "التداول"), ("Trading, EU", ""))
    added = run("add", "a@example.com", "--components", "api, التداول")
    assert (added.code, added.lines) == (0, ["subscribed a@example.com (both; components: "
                                             "API, Trading)"])  # fmt: skip
    assert run("add", "b@example.com", "--language", "ar").code == 0
    assert run("add", "c@example.com", "--components", "Trading, EU").code == 0

    unknown = run("add", "d@example.com", "--components", "API,Payments")
    assert unknown.code == 3
    assert unknown.stderr.startswith("statusdesk: --components: 'Payments' is not a component;")
    assert "API (الواجهة); Trading (التداول); Trading, EU" in unknown.stderr
    assert run("list", "--json").json()[-1]["email"] == "c@example.com"  # d was not added

    listed = run("list")
    rows = {line.split()[0]: line for line in listed.lines[1:]}
    assert listed.lines[0].split()[-1] == "COMPONENTS"
    assert rows["a@example.com"].endswith("API, Trading")
    assert rows["b@example.com"].endswith("all")
    assert rows["c@example.com"].endswith("Trading, EU")  # one component, its name has a comma
    shapes = {s["email"]: s for s in run("list", "--json").json()}
    assert shapes["a@example.com"]["components"] == ["API", "Trading"]
    assert shapes["a@example.com"]["all_components"] is False
    assert shapes["b@example.com"]["all_components"] is True
    assert shapes["b@example.com"]["components"] == []

    duplicate = run("add", "a@example.com", "--components", "Trading")
    assert duplicate.code == 3 and "subscriber edit" in duplicate.stderr
    edited = run("edit", "a@example.com", "--components", "Trading", "--json")
    assert edited.code == 0 and edited.json()["components"] == ["Trading"]
    assert run("edit", "a@example.com", "--language", "en").lines == [
        "a@example.com: en; components: Trading"
    ]  # the components stay when only the language changes
    assert run("edit", "a@example.com", "--all-components").lines == [
        "a@example.com: en; components: all"
    ]
    assert run("edit", "a@example.com").code == 2  # nothing to change: usage
    both = run("edit", "a@example.com", "--components", "API", "--all-components")
    assert both.code == 2
    assert run("edit", "a@example.com", "--components", "Nope").code == 3
    assert run("edit", "nobody@example.com", "--all-components").code == 3
    assert run("remove", "b@example.com").code == 0
    gone = run("edit", "b@example.com", "--all-components")
    assert gone.code == 3 and "subscriber add" in gone.stderr


def test_removing_a_followed_component_is_refused_with_the_fix(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*argv: str) -> Any:
        return call(capsys, "--home", str(home), *argv)

    with Desk(home) as desk:
        components(desk, ("API", "الواجهة"), ("Trading", "التداول"))
        follow(desk, ("amal@example.com", "Trading"), ("sam@example.com", "API,Trading"))
    refused = run("component", "remove", "Trading")
    assert refused.code == 3
    assert "'Trading' is followed by 2 subscriber(s) (amal@example.com, sam@example.com)" in (
        refused.stderr
    )
    assert "statusdesk subscriber edit ADDR" in refused.stderr
    assert run("subscriber", "edit", "amal@example.com", "--all-components").code == 0
    assert run("subscriber", "edit", "sam@example.com", "--components", "API").code == 0
    assert run("component", "remove", "Trading").code == 0
    shapes = {s["email"]: s for s in run("subscriber", "list", "--json").json()}
    assert shapes["amal@example.com"]["all_components"] is True
    assert shapes["sam@example.com"]["components"] == ["API"]


def test_subscribers_from_before_the_migration_follow_every_component(tmp_path: Path) -> None:
    """A workspace made before per-component subscriptions: everyone on its list keeps getting
    every update (nothing narrows an audience by itself)."""
    from statusdesk.store import Store, open_database
    from statusdesk.store.schema import MIGRATIONS, SUBSCRIBER_COMPONENTS

    path = tmp_path / "statusdesk.db"
    before = MIGRATIONS[: MIGRATIONS.index(SUBSCRIBER_COMPONENTS)]
    conn, _ = open_database(path, before)
    with conn:
        conn.execute(
            "INSERT INTO subscriber (email, language, unsubscribe_token, created_at) "
            "VALUES ('old@example.com', 'ar', 'tok', '2026-01-01T00:00:00Z')"
        )
    conn.close()
    store = Store.open(path)
    try:
        api = store.components.add_component(BilingualText("API", ""), "2026-12-01T00:00:00Z")
        (old,) = store.subscribers.list()
        assert old.all_components
        assert [s.email for s in store.subscribers.audience([api.id])] == ["old@example.com"]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("", ()),
        ("API", (1,)),
        ("  api , TRADING ", (1, 2)),
        ("الواجهة،التداول", (1, 2)),  # the Arabic comma, as an Arabic keyboard types it
        ("API,,API", (1,)),
        ("Trading, EU", (3,)),  # one component whose name holds a comma
        ("Trading, EU,API", (1, 3)),
        ("Trading,API", (1, 2)),
    ],
)
def test_components_are_named_in_either_language_separated_by_commas(
    text: str, ids: tuple[int, ...]
) -> None:
    from statusdesk.core.model import Component
    from statusdesk.store.subscribers import resolve_components

    known = [
        Component(1, BilingualText("API", "الواجهة"), MAJOR),
        Component(2, BilingualText("Trading", "التداول"), MAJOR),
        Component(3, BilingualText("Trading, EU", ""), MAJOR),
    ]
    assert resolve_components(text, known) == ids


def test_an_unknown_component_names_what_there_is() -> None:
    from statusdesk.core.model import Component
    from statusdesk.store.subscribers import UnknownComponent, resolve_components

    with pytest.raises(UnknownComponent) as none_yet:
        resolve_components("API", [])
    assert "there are no components yet" in str(none_yet.value)
    known = [Component(1, BilingualText("API", "الواجهة"), MAJOR)]
    with pytest.raises(UnknownComponent) as unknown:
        resolve_components("Web, API, Mobile", known)
    assert str(unknown.value).startswith(
        "'Web', 'Mobile' are not components; the components are: API (الواجهة)."
    )


def test_an_import_with_an_unknown_component_says_so_in_one_clean_sentence(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen trying it as a user: the line's own full stop ran into the message's ("commas..")."""
    with Desk(home) as desk:
        components(desk, ("API", "الواجهة"))
    csv_file = tmp_path / "subscribers.csv"
    csv_file.write_text(
        'email,language,components\namal@example.com,ar,API\nbob@example.com,en,"API,Payments"\n',
        encoding="utf-8",
    )
    refused = call(capsys, "--home", str(home), "subscriber", "import", str(csv_file))
    assert refused.code == 3
    assert "line 3: 'Payments' is not a component" in refused.stderr
    assert ".." not in refused.stderr
    assert "separated by commas. Fix them and import the file again" in refused.stderr
