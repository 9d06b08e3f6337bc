"""Issue #12 §7: channels and settings can be changed.

`channel edit | remove | enable | disable` and `setting list | get | set` through the real CLI
in this process (`main(argv)`), on real workspaces; channels are the probe (tests/probe.py), a
real webhook and a Statuspage pointed at a closed port; secrets in an in-memory keyring through
keyring's own backend API.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from statusdesk import settings
from statusdesk.app.channels import as_test_failure
from statusdesk.channels.base import Ambiguous, ChannelError, Permanent, Transient
from statusdesk.desk import Desk
from tests import memkeyring
from tests.unit.test_cli_support import Result, add_probes, call, register

memory_keyring = memkeyring.memory_keyring
MemoryKeyring = memkeyring.MemoryKeyring

AR = "نحقق في فشل طلبات الواجهة البرمجية."
EN = "We are investigating failed API requests."


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Result:
    return call(capsys, "--home", str(home), *argv)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def open_incident(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> int:
    result = cli(
        capsys, home, "incident", "open", "--title-en", "API outage", "--title-ar", "تعطل",
        "--en", EN, "--ar", AR, *extra,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    return int(result.lines[0])


def events(home: Path, kind: str) -> list[dict[str, object]]:
    with Desk(home) as desk:
        rows = desk.store.conn.execute(
            "SELECT actor, channel_id, data FROM event WHERE kind = ? ORDER BY id", (kind,)
        ).fetchall()
    return [{"actor": r[0], "channel_id": r[1], "data": json.loads(r[2])} for r in rows]


# -- channel add/edit: unknown keys, the same checks ------------------------------------------


def test_an_unknown_setting_key_is_refused_with_the_keys_the_kind_takes(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = cli(
        capsys, home, "channel", "add", "webhook", "chat",
        "--set", "url=https://chat.example.com/hook", "--set", "formt=slack",
    )  # fmt: skip
    assert typo.code == 3
    assert "formt is not a setting of a webhook channel" in typo.stderr
    assert "it takes: url, format, language, order" in typo.stderr
    listed = cli(capsys, home, "channel", "list", "--json").json()
    assert [c["name"] for c in listed] == ["site"]  # nothing was added

    added = cli(
        capsys, home, "channel", "add", "webhook", "chat",
        "--set", "url=https://chat.example.com/hook",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    edit = cli(capsys, home, "channel", "edit", "chat", "--set", "formt=slack")
    assert edit.code == 3
    assert "formt is not a setting of a webhook channel" in edit.stderr
    site = cli(capsys, home, "channel", "edit", "site", "--set", "title_en=Acme")
    assert site.code == 3 and "setting set site.title_en" in site.stderr


def test_edit_is_checked_like_add_and_changes_only_what_it_names(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(
        capsys, home, "channel", "add", "webhook", "chat",
        "--set", "url=https://chat.example.com/hook", "--set", "language=ar",
    )  # fmt: skip
    bad = cli(
        capsys, home, "channel", "edit", "chat",
        "--set", "url=chat.example.com", "--set", "format=fax", "--set", "order=middle",
    )  # fmt: skip
    assert bad.code == 3
    assert "url must be an http:// or https:// address" in bad.stderr
    assert "format must be one of statusdesk, slack, discord, teams" in bad.stderr
    assert "order must be ar-first or en-first" in bad.stderr
    before = cli(capsys, home, "channel", "list", "--json").json()[1]
    assert before["settings"] == {"url": "https://chat.example.com/hook"}

    good = cli(
        capsys, home, "channel", "edit", "chat", "--set", "format=slack",
        "--set", "order=ar-first", "--json",
    )  # fmt: skip
    assert good.code == 0, good.stderr
    channel = good.json()
    assert channel["settings"] == {"url": "https://chat.example.com/hook", "format": "slack"}
    assert (channel["language"], channel["order"]) == ("ar", "ar-first")  # language kept
    back = cli(capsys, home, "channel", "edit", "chat", "--unset", "format", "--json").json()
    assert back["settings"] == {"url": "https://chat.example.com/hook"}
    nothing = cli(capsys, home, "channel", "edit", "chat")
    assert nothing.code == 3 and "Nothing to change" in nothing.stderr
    unknown = cli(capsys, home, "channel", "edit", "nope", "--set", "format=slack")
    assert unknown.code == 3 and "no channel named 'nope'" in unknown.stderr
    (edited, _unset) = events(home, "channel.edited")
    assert edited["data"] == {"keys": ["format", "order"]}  # names only, never values


def test_enable_and_disable_decide_where_a_new_update_goes(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "beta": {}})
    off = cli(capsys, home, "channel", "disable", "beta")
    assert off.code == 0 and "beta: disabled" in off.stdout
    again = cli(capsys, home, "channel", "disable", "beta")
    assert again.code == 0 and "disabled already" in again.stdout
    table = cli(capsys, home, "channel", "list").stdout
    assert [line.split()[3] for line in table.splitlines()[1:]] == ["no", "yes", "no"]
    assert [c["enabled"] for c in cli(capsys, home, "channel", "list", "--json").json()] == [
        False,
        True,
        False,
    ]
    incident = open_incident(capsys, home)
    shown = cli(capsys, home, "deliveries", str(incident), "--json").json()
    assert [d["channel"] for d in shown] == ["alpha"]

    on = cli(capsys, home, "channel", "enable", "beta")
    assert on.code == 0 and "beta: enabled" in on.stdout
    cli(capsys, home, "incident", "update", str(incident), "--state", "identified",
        "--en", "Found.", "--ar", "وجدنا السبب.")  # fmt: skip
    shown = cli(capsys, home, "deliveries", str(incident), "--json").json()
    assert sorted(d["channel"] for d in shown) == ["alpha", "alpha", "beta"]
    assert [e["data"] for e in events(home, "channel.disabled")] == [{}]
    assert len(events(home, "channel.enabled")) == 1


# -- channel remove ----------------------------------------------------------------------------


def test_a_removed_channel_keeps_its_past_deliveries_under_its_name_and_frees_the_name(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}})
    cli(capsys, home, "channel", "add", "webhook", "hook",
        "--set", f"url=http://127.0.0.1:{closed_port()}/hook")  # fmt: skip
    with Desk(home) as desk:
        desk.channels.set_channel_secret("hook", "signing_secret", "whsec-1234")
    assert ("statusdesk", "hook/signing_secret") in memory_keyring.passwords
    incident = open_incident(capsys, home, "--channels", "alpha,hook", "--no-wait")
    (update,) = cli(capsys, home, "incident", "show", str(incident), "--json").json()["updates"]
    cli(capsys, home, "delivery", "retry", str(update["deliveries"][0]["id"]), "--no-wait")

    removed = cli(capsys, home, "channel", "remove", "hook")
    assert removed.code == 0, removed.stderr
    assert "deleted from the keyring: signing_secret" in removed.stdout
    assert "hook/signing_secret" not in {u for _s, u in memory_keyring.passwords}
    listed = cli(capsys, home, "channel", "list", "--json").json()
    assert [c["name"] for c in listed] == ["site", "alpha"]

    rows = cli(capsys, home, "deliveries", str(incident), "--json").json()
    hook = next(d for d in rows if d["channel"] == "hook")
    assert hook["state"] == "skipped"  # it had not gone out: a recorded decision, with why
    assert "the channel hook was removed" in (hook["decision_note"] or "")
    detail = cli(capsys, home, "incident", "show", str(incident), "--json").json()
    assert "hook" in [d["channel"] for d in detail["updates"][0]["deliveries"]]
    assert "hook" not in detail["silence"]
    exported = cli(capsys, home, "export", str(incident), "--format", "json", "-o",
                   str(home / "t.json"))  # fmt: skip
    assert exported.code == 0, exported.stderr
    assert '"hook"' in (home / "t.json").read_text(encoding="utf-8")

    reused = cli(capsys, home, "channel", "add", "webhook", "hook",
                 "--set", "url=https://hooks.example.com/new")  # fmt: skip
    assert reused.code == 0, reused.stderr
    assert cli(capsys, home, "channel", "list", "--json").json()[-1]["settings"] == {
        "url": "https://hooks.example.com/new"
    }
    old = next(d for d in cli(capsys, home, "deliveries", str(incident), "--json").json()
               if d["channel"] == "hook")  # fmt: skip
    assert old["id"] == hook["id"]  # the old delivery still names the old channel
    retried = cli(capsys, home, "delivery", "retry", str(hook["id"]), "--no-wait")
    assert retried.code == 3 and "removed at" in retried.stderr  # the record is not resent
    gone = cli(capsys, home, "channel", "remove", "nope")
    assert gone.code == 3 and "no channel named 'nope'" in gone.stderr
    (event,) = events(home, "channel.removed")
    assert event["data"] == {"name": "hook", "scheduled_updates": []}


def test_removing_takes_the_channel_off_scheduled_updates(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    register(monkeypatch)
    add_probes(home, {"alpha": {}, "beta": {}})
    incident = open_incident(capsys, home)
    planned = cli(
        capsys, home, "incident", "update", str(incident), "--state", "monitoring",
        "--en", "Still watching.", "--ar", "ما زلنا نراقب.", "--at", "in 2h",
    )  # fmt: skip
    assert planned.code == 0, planned.stderr
    removed = cli(capsys, home, "channel", "remove", "beta")
    assert f"no longer going to it: {planned.lines[0]}" in removed.stdout
    with Desk(home) as desk:
        plan = desk.store.schedule.update_plan(int(planned.lines[0]))
        alpha = desk.store.channels.channel_by_name("alpha")
    assert plan is not None and alpha is not None
    assert list(plan.channel_ids) == [alpha.id]


# -- channel test ------------------------------------------------------------------------------


def test_a_test_of_an_unreachable_host_does_not_promise_a_retry(
    home: Path, capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring
) -> None:
    port = closed_port()
    cli(
        capsys, home, "channel", "add", "statuspage", "status",
        "--set", f"base_url=http://127.0.0.1:{port}", "--set", "page_id=kctbh9vrtdwd",
    )  # fmt: skip
    with Desk(home) as desk:
        desk.channels.set_channel_secret("status", "api_key", "k-123")
    tested = cli(capsys, home, "channel", "test", "status")
    assert tested.code == 4
    assert "retry" not in tested.stderr.lower().replace("nothing is retried", "")
    assert f"127.0.0.1:{port}" in tested.stderr
    assert "check that the host is up" in tested.stderr
    assert "channel edit status" in tested.stderr


# -- settings ----------------------------------------------------------------------------------


def test_setting_list_json_is_a_bare_array_of_every_setting(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = cli(capsys, home, "setting", "list", "--json")
    assert listed.code == 0, listed.stderr
    rows = listed.json()
    assert isinstance(rows, list)
    assert [r["key"] for r in rows] == [
        "incident.cadence_minutes",
        "schedule.grace_minutes",
        "maintenance.remind_minutes",
        "display.timezone",
        "display.digits",
        "site.title_en",
        "site.title_ar",
        "site.logo_en",
        "site.logo_ar",
        "site.home_url",
        "site.subscribe_url",
        "site.timezone",
        "ui.language",
        "ui.theme",
        "review.required",
        "review.waive",
        "store.url",
        "desk.author",
    ]
    for row in rows:
        assert {"key", "value", "default", "allowed", "meaning"} <= set(row)
        assert row["value"] == row["default"] and row["meaning"] and row["allowed"]
    by_key = {r["key"]: r for r in rows}
    assert by_key["site.title_en"]["default"] == "Service status"
    assert by_key["display.digits"]["choices"] == ["latn", "arab"]
    text = cli(capsys, home, "setting", "list").stdout
    for spec in settings.SETTINGS:  # each with its value, meaning and allowed values
        assert f"{spec.key} = {spec.default}  (the default)\n    {spec.meaning}" in text
        assert f"allowed: {spec.allowed}" in text


def test_a_bad_value_or_key_is_refused_with_what_is_allowed(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        ("display.digits", "hindi"): "latn (0123) or arab",
        ("incident.cadence_minutes", "0"): "from 1 to 1440",
        ("incident.cadence_minutes", "ten"): "a whole number of minutes",
        ("schedule.grace_minutes", "-1"): "from 0 to 1440",
        ("maintenance.remind_minutes", "99999"): "from 0 to 10080",
        ("display.timezone", "Mars/Olympus"): "an IANA zone name",
        ("site.title_en", ""): "1 to 80 characters",
    }
    for (key, value), allowed in cases.items():
        refused = cli(capsys, home, "setting", "set", key, value)
        assert refused.code == 3, (key, value)
        assert allowed in refused.stderr, refused.stderr
        assert cli(capsys, home, "setting", "get", key).stdout.strip() == (
            settings.BY_KEY[key].default
        )
    unknown = cli(capsys, home, "setting", "get", "display.zone")
    assert unknown.code == 3 and "display.timezone" in unknown.stderr  # lists the keys
    assert cli(capsys, home, "setting", "set", "nope", "1").code == 3
    assert events(home, "setting.changed") == []


def test_the_status_page_name_comes_from_the_setting_and_a_change_rebuilds_it(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, home, "site", "build").code == 0
    index = home / "site" / "index.html"
    assert "<title>Service status" in index.read_text(encoding="utf-8")
    changed = cli(capsys, home, "setting", "set", "site.title_en", "Acme Exchange status")
    assert changed.code == 0, changed.stderr
    assert "status page rebuilt" in changed.stdout
    assert "<title>Acme Exchange status" in index.read_text(encoding="utf-8")
    arabic = cli(capsys, home, "setting", "set", "site.title_ar", "حالة منصة أكمي")
    assert arabic.code == 0, arabic.stderr
    summary = json.loads((home / "site" / "ar" / "api" / "v2" / "summary.json").read_text())
    assert summary["page"]["name"] == "حالة منصة أكمي"
    assert cli(capsys, home, "setting", "get", "site.title_ar").stdout.strip() == "حالة منصة أكمي"
    (first, _second) = events(home, "setting.changed")
    assert first["data"] == {"key": "site.title_en", "value": "Acme Exchange status"}
    assert first["actor"]
    same = cli(capsys, home, "setting", "set", "site.title_en", "Acme Exchange status")
    assert "(unchanged)" in same.stdout and len(events(home, "setting.changed")) == 2


def test_arabic_digits_on_the_status_page_follow_the_setting(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_incident(capsys, home)
    page = home / "site" / "ar" / "index.html"
    assert "٢" not in page.read_text(encoding="utf-8").split("<time", 1)[1][:80]
    assert cli(capsys, home, "setting", "set", "display.digits", "arab").code == 0
    stamp = page.read_text(encoding="utf-8").split("<time", 1)[1][:120]
    assert any(d in stamp for d in "٠١٢٣٤٥٦٧٨٩")


def test_the_default_cadence_comes_from_the_setting(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from statusdesk.core.timefmt import parse_iso

    register(monkeypatch)
    add_probes(home, {"alpha": {}})
    assert cli(capsys, home, "setting", "set", "incident.cadence_minutes", "12").code == 0
    incident = open_incident(capsys, home)
    detail = cli(capsys, home, "incident", "show", str(incident), "--json").json()
    published = parse_iso(detail["updates"][0]["published_at"])
    assert (parse_iso(detail["next_update_due"]) - published).total_seconds() == 12 * 60
    explicit = open_incident(capsys, home, "--cadence-min", "45")
    detail = cli(capsys, home, "incident", "show", str(explicit), "--json").json()
    published = parse_iso(detail["updates"][0]["published_at"])
    assert (parse_iso(detail["next_update_due"]) - published).total_seconds() == 45 * 60


def test_grace_and_reminder_are_read_through_the_registry(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, home, "setting", "set", "schedule.grace_minutes", "2.5").code == 0
    assert cli(capsys, home, "setting", "set", "maintenance.remind_minutes", "15").code == 0
    with Desk(home) as desk:
        assert desk.settings.grace().total_seconds() == 150
        assert desk.settings.remind_minutes() == 15
        # a value put there by hand that is not allowed is not obeyed
        desk.store.settings.set_setting("maintenance.remind_minutes", "-3", desk.now())
        assert desk.settings.remind_minutes() == 60


def test_several_settings_at_once_are_all_kept_or_none_and_the_page_built_once(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the app's Save does (Desk.settings.set_workspace_settings)."""
    from statusdesk.core.errors import Rejected

    assert cli(capsys, home, "site", "build").code == 0
    versions = home / ".site-versions"
    with Desk(home) as desk:
        with pytest.raises(Rejected) as refused:
            desk.settings.set_workspace_settings(
                {settings.SITE_TITLE_EN: "Acme", settings.ZONE: "Nowhere/Land", "x.y": "1"}
            )
        assert [p.field for p in refused.value.problems] == [settings.ZONE, "x.y"]
        assert desk.settings.workspace_setting(settings.SITE_TITLE_EN) == "Service status"
        builds = {p.name for p in versions.iterdir()}
        changes = desk.settings.set_workspace_settings(
            {
                settings.SITE_TITLE_EN: "Acme",
                settings.SITE_TITLE_AR: "أكمي",
                settings.CADENCE: "30",  # the default: unchanged
            },
            by="tester",
        )
    assert [(c.key, c.changed) for c in changes] == [
        (settings.SITE_TITLE_EN, True),
        (settings.SITE_TITLE_AR, True),
        (settings.CADENCE, False),
    ]
    assert changes[0].site is not None and changes[0].site == changes[1].site
    new = {p.name for p in versions.iterdir() if p.is_dir()} - builds  # not #14's records
    assert len(new) == 1  # one rebuild for both
    assert [e["actor"] for e in events(home, "setting.changed")] == ["tester", "tester"]


def test_without_an_enabled_site_channel_the_page_is_not_rebuilt_and_that_is_said(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, home, "channel", "disable", "site").code == 0
    changed = cli(capsys, home, "setting", "set", "display.digits", "arab")
    assert changed.code == 0
    assert "not rebuilt" in changed.stdout and "site build" in changed.stdout
    assert not (home / "site").exists()


@pytest.mark.parametrize(
    "error",
    [
        # As the channels raise them: the cause, then what the outbox does next.
        Transient("x: cannot connect to 127.0.0.1:9 (is the receiver up?)."),
        Transient(
            "x: no answer from X's token endpoint (ReadTimeout).",
            then="Will retry; if X renewed the token meanwhile, the next attempt says so and "
            "what to do.",
        ),
        Ambiguous(
            "x: the request reached h but no answer came within 30 s",
            then="it may have arrived, so it is checked before being sent again.",
        ),
    ],
)
def test_a_failed_test_is_told_as_a_test(error: ChannelError) -> None:
    told = str(as_test_failure("x", error))
    assert "will retry" not in told.lower() and "sent again" not in told
    assert "nothing is retried (it was only a test)" in told
    assert told.startswith(str(error).split(".")[0].split(";")[0].split(" (")[0])


def test_a_refusal_in_a_test_is_told_as_it_is() -> None:
    refused = Permanent("x: 127.0.0.1 refused the credentials (401).")
    assert as_test_failure("x", refused) is refused


def test_a_site_channels_own_name_and_digits_become_workspace_settings(home: Path) -> None:
    """Schema V5: a workspace whose site channel had title_en/title_ar/digits keeps them."""
    from statusdesk.store.db import open_database
    from statusdesk.store.schema import MIGRATIONS

    path = home / "statusdesk.db"
    conn, _backup = open_database(path, MIGRATIONS[:4])
    legacy = {"title_en": "Acme status", "title_ar": "حالة أكمي", "digits": "arab", "base_url": ""}
    with conn:
        conn.execute(
            "UPDATE channel SET settings = ? WHERE kind = 'site'",
            (json.dumps(legacy, ensure_ascii=False),),
        )
    conn.close()
    with Desk(home) as desk:
        site = desk.store.channels.channel_by_name("site")
        assert site is not None and site.settings == {"base_url": ""}
        assert desk.settings.workspace_setting(settings.SITE_TITLE_EN) == "Acme status"
        assert desk.settings.workspace_setting(settings.SITE_TITLE_AR) == "حالة أكمي"
        assert desk.settings.workspace_setting(settings.DIGITS) == "arab"
        edited = desk.channels.edit_channel("site", {"base_url": "https://status.example.com"})
    assert edited.settings == {"base_url": "https://status.example.com"}


def test_a_channel_is_not_removed_while_it_is_sending(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from statusdesk.core.errors import Rejected
    from statusdesk.core.model import BilingualText, DeliveryState, Draft, IncidentState

    register(monkeypatch)
    add_probes(home, {"slow": {"sleep": 1.5}})
    with Desk(home) as desk:
        published = desk.publishing.open_incident(
            title=BilingualText("API outage", "تعطل"),
            draft=Draft(BilingualText(EN, AR), IncidentState.INVESTIGATING),
        )
        (delivery_id,) = published.delivery_ids
        deadline = time.monotonic() + 10
        while desk.store.deliveries.delivery(delivery_id).state is not DeliveryState.SENDING:  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            time.sleep(0.01)
        with pytest.raises(Rejected) as refused:
            desk.channels.remove_channel("slow")
        assert f"slow is sending right now (delivery {delivery_id})" in str(refused.value)
        assert desk.store.channels.channel_by_name("slow") is not None  # nothing was changed
        final = desk.deliveries.wait_for(published.update_id, 10)
        assert [d.state for d in final] == [DeliveryState.SENT]
        removed = desk.channels.remove_channel("slow")
        assert removed.skipped == []  # what was sent stays sent
