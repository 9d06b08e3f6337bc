"""The s3 publish target and the site channel's publishing, against a real S3 server: moto's
server in a child process on 127.0.0.1 (tests/s3server.py), which checks every request's
signature and the key's IAM permissions. What the bucket holds is read back with boto3; what
the target sent is seen through botocore's own event hooks (`before-call`), on the wire's
side of the client."""

from __future__ import annotations

import io
import itertools
import re
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.registry import SETTING_KEYS, kind_secret_names, kind_settings_problems
from statusdesk.channels.site.publish import s3 as s3module
from statusdesk.channels.site.publish import targets
from statusdesk.channels.site.publish.base import (
    LONG_CACHE,
    MANIFEST,
    SHORT_CACHE,
    SiteFile,
    decode_manifest,
    no_progress,
)
from statusdesk.channels.site.publish.s3 import S3Target, settings_problems
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Delivery,
    DeliveryState,
    Draft,
    Impact,
    IncidentState,
)
from statusdesk.delivery import retry
from statusdesk.desk import Desk
from tests import s3server
from tests.httpfake import FakeReceiver, hang_before_body, receiver, status
from tests.memkeyring import MemoryKeyring, memory_keyring
from tests.s3server import KeyPair, S3Server
from tests.unit.test_cli_support import call
from tests.unit.test_email import free_port

s3 = s3server.s3
__all__ = ["memory_keyring", "receiver", "s3"]  # fixtures, taken by name

HTML = "text/html; charset=utf-8"


def target(server: S3Server, bucket: str, keys: KeyPair | None = None, **kw: Any) -> S3Target:
    keys = keys or server.writer
    options: dict[str, Any] = {
        "endpoint": server.endpoint,
        "bucket": bucket,
        "prefix": "status",
        "region": s3server.REGION,
        "access_key_id": keys.access_key_id,
        "secret_access_key": keys.secret_access_key,
        **kw,
    }
    return S3Target(**options)


class Calls:
    """The S3 operations a target's client makes, in order, with their keys (botocore's
    `before-call` event: the request as it is about to be signed and sent)."""

    def __init__(self, store: S3Target) -> None:
        self.seen: list[tuple[str, str]] = []
        store.client().meta.events.register("before-call.s3", self._record)

    def _record(self, model: Any, params: Any, **kwargs: Any) -> None:
        self.seen.append((model.name, str(params.get("url_path", ""))))

    def keys(self, operation: str) -> list[str]:
        return [key.split("/status/", 1)[-1] for op, key in self.seen if op == operation]


def site(**pages: str) -> dict[str, SiteFile]:
    files = {name.replace("__", "/").replace("_", "."): text for name, text in pages.items()}
    return {path: SiteFile(path, text.encode()) for path, text in files.items()}


SITE = site(
    index_html="<h1>Status</h1>",
    ar__index_html="<h1>الحالة</h1>",
    incidents__1_html="<p>API outage</p>",
    feed_atom="<feed/>",
    api__v2__summary_json='{"page": {}}',
    favicon_svg="<svg/>",
)


# -- settings and the registry ------------------------------------------------------------------


def test_the_settings_say_what_is_wrong_and_an_endpoint_must_be_https_except_to_this_machine() -> (
    None
):
    assert settings_problems({"bucket": "status"}) == []
    assert settings_problems({"bucket": "status", "endpoint": "http://127.0.0.1:9000"}) == []
    assert settings_problems({"bucket": "status", "endpoint": "http://localhost:9000"}) == []
    (missing,) = settings_problems({})
    assert missing.startswith("bucket is missing")
    (name,) = settings_problems({"bucket": "Status_Page"})
    assert "is not an S3 bucket name" in name
    (plain,) = settings_problems({"bucket": "status", "endpoint": "http://minio.example.com"})
    assert plain.startswith("endpoint must be an https:// address")
    (login,) = settings_problems({"bucket": "status", "endpoint": "https://k:s@s3.example.com"})
    assert "without a login" in login
    (prefix,) = settings_problems({"bucket": "status", "prefix": "www/../etc"})
    assert "plain folder path" in prefix
    assert settings_problems({"bucket": "status", "prefix": "/www/status/"}) == []


def test_a_site_channel_takes_publish_and_only_its_targets_settings() -> None:
    def problems(**settings: str) -> list[str]:
        return kind_settings_problems("site", settings)

    assert problems() == []  # a page kept on this disk, as before
    assert problems(base_url="https://status.example.com") == []
    assert problems(publish="s3", bucket="status", endpoint="https://s3.example.com") == []
    (kind,) = problems(publish="ftp")
    assert kind == "publish must be one of git, s3, sftp (got 'ftp')"
    (orphan,) = problems(bucket="status")
    assert orphan.startswith("bucket is a setting of a publish target: add --set publish=KIND")
    (other,) = problems(publish="s3", bucket="status", host="example.com")
    assert other.startswith("host is not a setting of publish=s3; it takes: endpoint, bucket")
    (secret,) = problems(publish="s3", bucket="status", secret_access_key="x")
    assert secret.startswith("secret_access_key is a secret") and "x" not in secret.split(":")[0]
    (typo,) = problems(publish="s3", bucket="status", bukcet="x")
    assert typo.startswith("bukcet is not a setting of a site channel")
    # http:// to another machine: the keys would sign requests anyone on the way could replay
    (http,) = problems(publish="s3", bucket="status", endpoint="http://s3.example.com")
    assert http.startswith("endpoint must be an https:// address")
    # the metadata service, in any spelling (channels/targets.py), as for every kind
    assert any(
        "metadata" in p
        for p in problems(publish="s3", bucket="b", endpoint="http://169.254.169.254")
    )


def test_the_registry_declares_every_targets_settings_and_secrets_up_front() -> None:
    declared = {"base_url", "publish", *targets.all_settings()}
    assert set(SETTING_KEYS["site"]) == declared
    assert set(kind_secret_names("site")) == {
        "token", "private_key", "password", "access_key_id", "secret_access_key"
    }  # fmt: skip
    for kind in targets.PUBLISH_KINDS:
        try:
            module = targets.target_module(kind)
        except targets.TargetUnavailable:
            continue  # written elsewhere; the declaration above stands for it
        assert set(module.SETTINGS) == set(targets.KIND_SETTINGS[kind]), kind
        assert set(module.SECRETS) <= set(targets.KIND_SECRETS[kind]), kind


def test_a_target_whose_module_is_missing_is_a_clear_problem_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(targets.PUBLISH_KINDS, "ftp", "statusdesk.channels.site.publish.ftp")
    monkeypatch.setitem(targets.KIND_SETTINGS, "ftp", ())
    (problem,) = kind_settings_problems("site", {"publish": "ftp"})
    assert problem.startswith(
        "publish=ftp is not available in this statusdesk: "
        "statusdesk.channels.site.publish.ftp cannot be loaded"
    )
    with pytest.raises(targets.TargetUnavailable):
        targets.build_target("ftp", {}, lambda key: None, Path("."))


# -- the target on a real S3 server -------------------------------------------------------------


_buckets = itertools.count(1)


@pytest.fixture
def bucket(s3: S3Server, request: pytest.FixtureRequest) -> str:
    """A new bucket for each test, named after it (S3's rules: lowercase, digits, hyphens)."""
    words = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower().removeprefix("test_"))
    return s3.make_bucket(f"{words[:40].strip('-')}-{next(_buckets)}")


def test_a_publish_puts_every_file_with_its_type_and_cache_and_the_manifest(
    s3: S3Server, bucket: str
) -> None:
    store = target(s3, bucket)
    done = store.publish(SITE, no_progress)
    assert (done.uploaded, done.deleted, done.verified) == (6, 0, 6)
    assert done.location == f"s3://{bucket}/status/ on {s3.endpoint.split('//')[1]}"
    held = s3.objects(bucket)
    assert set(held) == {f"status/{p}" for p in SITE} | {f"status/{MANIFEST}"}
    for path, file in SITE.items():
        assert held[f"status/{path}"].data == file.data
    expected = {
        "index.html": (HTML, SHORT_CACHE),
        "ar/index.html": (HTML, SHORT_CACHE),
        "incidents/1.html": (HTML, SHORT_CACHE),
        "feed.atom": ("application/atom+xml", SHORT_CACHE),
        "api/v2/summary.json": ("application/json", SHORT_CACHE),
        "favicon.svg": ("image/svg+xml", LONG_CACHE),
    }
    for path, (content_type, cache) in expected.items():
        got = held[f"status/{path}"]
        assert (got.content_type, got.cache_control) == (content_type, cache), path
    manifest = decode_manifest(held[f"status/{MANIFEST}"].data)
    assert manifest == {path: file.digest for path, file in SITE.items()}


def test_a_second_publish_puts_only_what_changed_index_pages_last_then_removes_the_gone(
    s3: S3Server, bucket: str
) -> None:
    target(s3, bucket).publish(SITE, no_progress)
    before = s3.objects(bucket)
    changed = dict(SITE)
    changed["index.html"] = SiteFile("index.html", b"<h1>Status: degraded</h1>")
    changed["ar/index.html"] = SiteFile("ar/index.html", "<h1>متدهور</h1>".encode())
    changed["incidents/2.html"] = SiteFile("incidents/2.html", b"<p>New</p>")
    del changed["feed.atom"]
    store = target(s3, bucket)
    calls = Calls(store)
    done = store.publish(changed, no_progress)
    assert (done.uploaded, done.deleted, done.verified) == (3, 1, 3)
    puts = calls.keys("PutObject")
    # the interim manifest first, the leaf, the index pages last, then the final manifest
    assert puts == [MANIFEST, "incidents/2.html", "index.html", "ar/index.html", MANIFEST]
    operations = [op for op, _ in calls.seen]
    assert operations.index("DeleteObjects") > max(
        i for i, op in enumerate(operations) if op == "HeadObject"
    )  # removals only after every new file was read back
    after = s3.objects(bucket)
    assert "status/feed.atom" not in after
    assert after["status/incidents/2.html"].data == b"<p>New</p>"
    for unchanged in ("incidents/1.html", "api/v2/summary.json", "favicon.svg"):
        key = f"status/{unchanged}"
        assert after[key].last_modified == before[key].last_modified
        assert after[key].etag == before[key].etag
    again = target(s3, bucket)
    quiet = Calls(again)
    assert again.publish(changed, no_progress).uploaded == 0
    assert [op for op, _ in quiet.seen] == ["GetObject"]  # the manifest alone: nothing to do


def test_leaves_go_up_several_at_once_and_the_index_pages_only_after_all_have_landed(
    s3: S3Server, bucket: str
) -> None:
    many = {**SITE, **site(**{f"incidents__{n}_html": f"<p>{n}</p>" for n in range(2, 40)})}
    store = target(s3, bucket)
    events: list[tuple[str, str]] = []
    two_at_once = threading.Barrier(2, timeout=30)

    def started(model: Any, params: Any, **kwargs: Any) -> None:
        if model.name == "PutObject":
            path = params["url_path"].split("/status/", 1)[1]
            events.append(("start", path))
            if path in ("api/v2/summary.json", "favicon.svg"):  # the first two leaves
                two_at_once.wait()  # both in flight together, or this times out

    def landed(model: Any, **kwargs: Any) -> None:
        if model.name == "PutObject":
            events.append(("landed", kwargs["context"]["statusdesk_path"]))

    def remember(model: Any, params: Any, context: Any, **kwargs: Any) -> None:
        context["statusdesk_path"] = params["url_path"].split("/status/", 1)[1]

    events_of = store.client().meta.events
    events_of.register("before-call.s3", started)
    events_of.register("before-call.s3", remember)
    events_of.register("after-call.s3", landed)
    done = store.publish(many, no_progress)
    assert done.uploaded == done.verified == len(many)
    leaves = [p for p in many if p not in ("index.html", "ar/index.html")]
    last_leaf = max(events.index(("landed", p)) for p in leaves)
    assert events.index(("start", "index.html")) > last_leaf
    assert events.index(("start", "ar/index.html")) > events.index(("landed", "index.html"))
    assert {k.removeprefix("status/") for k in s3.objects(bucket)} == {*many, MANIFEST}


def test_a_publish_killed_midway_is_finished_by_the_next(s3: S3Server, bucket: str) -> None:
    target(s3, bucket).publish(SITE, no_progress)
    changed = {**SITE, "incidents/1.html": SiteFile("incidents/1.html", b"<p>Resolved</p>")}
    changed["index.html"] = SiteFile("index.html", b"<h1>All good</h1>")
    store = target(s3, bucket)

    def killed(model: Any, params: Any, **kwargs: Any) -> None:
        if model.name == "PutObject" and params["url_path"].endswith("/index.html"):
            raise KeyboardInterrupt  # the process dies before the index page goes up

    store.client().meta.events.register("before-call.s3", killed)
    with pytest.raises(KeyboardInterrupt):
        store.publish(changed, no_progress)
    done = target(s3, bucket).publish(changed, no_progress)
    assert done.uploaded == 2  # the incident page again (the interim manifest forgot it)
    held = s3.objects(bucket)
    assert held["status/incidents/1.html"].data == b"<p>Resolved</p>"
    assert held["status/index.html"].data == b"<h1>All good</h1>"


def test_an_object_that_does_not_read_back_as_sent_is_transient(s3: S3Server, bucket: str) -> None:
    store = target(s3, bucket)
    store.put(SiteFile("index.html", b"what the store holds"))
    with pytest.raises(Transient, match="does not read back as it was uploaded"):
        store.verify([SiteFile("index.html", b"what we meant to send")])
    assert store.verify([SiteFile("index.html", b"what the store holds")]) == 1


def test_no_prefix_puts_the_site_at_the_buckets_root(s3: S3Server, bucket: str) -> None:
    target(s3, bucket, prefix="").publish(SITE, no_progress)
    assert set(s3.objects(bucket)) == {*SITE, MANIFEST}


def test_the_test_writes_and_removes_a_probe_and_touches_nothing_else(
    s3: S3Server, bucket: str
) -> None:
    target(s3, bucket).publish(SITE, no_progress)
    before = s3.objects(bucket)
    said = target(s3, bucket).test()
    assert said.startswith(f"wrote, read back and removed a probe object in s3://{bucket}/status/")
    assert s3.objects(bucket) == before
    with pytest.raises(Permanent, match="AccessDenied"):
        target(s3, bucket, keys=s3.reader).test()  # may read, may not write
    assert s3.objects(bucket) == before


def wrong(server: S3Server, **swap: str) -> KeyPair:
    keys = {"access_key_id": server.writer.access_key_id, "secret_access_key": "x" * 40}
    keys.update(swap)
    return KeyPair(**keys)


@pytest.mark.parametrize(
    ("keys", "says"),
    [
        (
            lambda s: wrong(s),
            "SignatureDoesNotMatch (The request signature we calculated does not match the "
            "signature you provided. Check your key and signing method.) — the secret key does "
            "not match the access key: set it again with "
            "`statusdesk channel secret NAME secret_access_key`",
        ),
        (
            lambda s: wrong(s, access_key_id="AKIA" + "Q" * 16),
            "InvalidAccessKeyId (The AWS Access Key Id you provided does not exist in our "
            "records.) — the store does not know this access key: set the right one with "
            "`statusdesk channel secret NAME access_key_id`",
        ),
        (
            lambda s: s.reader,
            "AccessDenied (Access Denied) — the access key may not do this: allow it "
            "s3:PutObject, s3:GetObject, s3:DeleteObject",
        ),
    ],
)
def test_refused_credentials_are_permanent_and_say_what_to_fix(
    s3: S3Server, bucket: str, keys: Any, says: str
) -> None:
    pair = keys(s3)
    with pytest.raises(Permanent) as refused:
        target(s3, bucket, keys=pair).publish(SITE, no_progress)
    assert says in str(refused.value)
    assert pair.secret_access_key not in str(refused.value)
    assert s3.objects(bucket) == {}


def test_a_missing_bucket_is_permanent(s3: S3Server) -> None:
    with pytest.raises(Permanent) as refused:
        target(s3, "no-such-bucket").publish(SITE, no_progress)
    assert "there is no bucket no-such-bucket at this endpoint: create it" in str(refused.value)


def test_a_store_that_is_down_is_transient() -> None:
    port = free_port()  # nobody listens
    down = S3Target(
        endpoint=f"http://127.0.0.1:{port}", bucket="status", prefix="", region="us-east-1",
        access_key_id="AKIAEXAMPLE", secret_access_key="x" * 40,
    )  # fmt: skip
    with pytest.raises(Transient) as failed:
        down.publish(SITE, no_progress)
    assert str(failed.value) == (
        f"cannot read the manifest in s3://status/ on 127.0.0.1:{port}: cannot connect to the "
        "store (is it up, and the endpoint right?)"
    )


def s3_error(code: str, message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code>'
        f"<Message>{message}</Message><RequestId>1</RequestId></Error>"
    ).encode()


def behind(server: FakeReceiver) -> S3Target:
    return S3Target(
        endpoint=f"http://127.0.0.1:{server.port}", bucket="status", prefix="", region="us-east-1",
        access_key_id="AKIAEXAMPLE", secret_access_key="z" * 40,
    )  # fmt: skip


def test_a_store_that_says_slow_down_or_fails_is_transient_and_its_words_are_kept(
    receiver: Callable[..., FakeReceiver],
) -> None:
    busy = s3_error("SlowDown", "Please reduce your request rate.")
    server = receiver(
        status(503, {"Retry-After": "7"}, busy), status(503, {"Retry-After": "7"}, busy)
    )
    with pytest.raises(Transient) as failed:
        behind(server).publish(SITE, no_progress)
    assert "the store answered SlowDown (Please reduce your request rate.)" in str(failed.value)
    assert failed.value.retry_after == 7.0
    assert len(server.requests) == 2  # botocore's one retry, then the delivery engine's turn
    broken = receiver(
        *[status(500, {}, s3_error("InternalError", "We encountered an internal error."))] * 2
    )
    with pytest.raises(Transient, match="InternalError"):
        behind(broken).publish(SITE, no_progress)


def test_a_store_that_does_not_answer_in_time_is_transient(
    receiver: Callable[..., FakeReceiver], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(s3module, "READ_SECONDS", 0.3)
    server = receiver(hang_before_body(30), hang_before_body(30))
    with pytest.raises(Transient) as failed:
        behind(server).publish(SITE, no_progress)
    assert str(failed.value).endswith(
        "cannot read the manifest in s3://status/ on "
        f"127.0.0.1:{server.port}: the store did not answer in time"
    )


def test_the_machines_aws_set_up_is_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_PROFILE", "someone-elses")  # not there: must not break a publish
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:1")  # the keys must not go there
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1")
    monkeypatch.setenv("AWS_REGION", "ap-south-1")
    aws = S3Target(
        endpoint=None, bucket="status", prefix="", region="eu-west-1",
        access_key_id="AKIAEXAMPLE", secret_access_key="x" * 40,
    )  # fmt: skip
    assert aws.client().meta.endpoint_url == "https://s3.eu-west-1.amazonaws.com"
    assert aws.client().meta.region_name == "eu-west-1"


def test_over_tls_the_store_is_trusted_through_the_machines_ca_bundle_and_never_blindly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    files = (tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem")
    cert.cert_chain_pems[0].write_to_path(str(files[0]))
    cert.private_key_pem.write_to_path(str(files[1]))
    ca.cert_pem.write_to_path(str(files[2]))
    for name in ("AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.delenv(name, raising=False)
    with s3server.s3_server(tls=files) as tls:
        assert tls.endpoint.startswith("https://")
        bucket = tls.make_bucket("tls")
        with pytest.raises(Permanent) as refused:  # a CA this machine does not trust
            target(tls, bucket).publish(SITE, no_progress)
        assert "the endpoint's TLS certificate was not accepted" in str(refused.value)
        assert str(refused.value).endswith(
            "SSL_CERT_FILE or AWS_CA_BUNDLE (verification is never turned off)"
        )
        monkeypatch.setenv("SSL_CERT_FILE", str(files[2]))
        assert target(tls, bucket).publish(SITE, no_progress).uploaded == len(SITE)
        assert set(tls.objects(bucket)) == {f"status/{p}" for p in SITE} | {f"status/{MANIFEST}"}


# -- the site channel publishing through the delivery engine ------------------------------------


def add_public(
    desk: Desk, server: S3Server, bucket: str, keys: KeyPair | None = None, **more: str
) -> None:
    keys = keys or server.writer
    desk.channels.add_channel(
        "site",
        "public",
        {"publish": "s3", "endpoint": server.endpoint, "bucket": bucket, "prefix": "status",
         "region": s3server.REGION, **more},
    )  # fmt: skip
    desk.channels.set_channel_secret("public", "access_key_id", keys.access_key_id)
    desk.channels.set_channel_secret("public", "secret_access_key", keys.secret_access_key)


def open_incident(desk: Desk, *channels: str) -> dict[str, Delivery]:
    """An incident for the local page and `public`, each delivery attempted once in this
    thread (deterministic: no pool, no automatic retry within the test): by channel name."""
    draft = Draft(
        BilingualText("We are investigating.", "نحقق في المشكلة."),
        IncidentState.INVESTIGATING,
        Impact.MAJOR,
        {"API": ComponentStatus.MAJOR_OUTAGE},
    )
    published = desk.publishing.open_incident(
        title=BilingualText("API outage", "تعطل الواجهة البرمجية"),
        draft=draft,
        channel_names=list(channels or ("site", "public")),
        dispatch=False,
    )
    names = {c.id: c.name for c in desk.store.channels.channels()}
    found = {}
    for delivery_id in published.delivery_ids:
        desk.dispatcher.attempt(delivery_id)
        delivery = desk.store.deliveries.delivery(delivery_id)
        assert delivery is not None
        found[names[delivery.channel_id]] = delivery
    return found


def test_a_site_channel_with_publish_s3_builds_then_publishes_the_page(
    desk: Desk, s3: S3Server, bucket: str, memory_keyring: MemoryKeyring
) -> None:
    add_public(desk, s3, bucket, base_url="https://status.example.com")
    sent = open_incident(desk)
    assert sent["site"].state is DeliveryState.SENT  # the local page, as before
    assert sent["site"].remote_url.startswith("file://")
    public = sent["public"]
    assert public.state is DeliveryState.SENT, public.last_error
    assert public.remote_url == "https://status.example.com/incidents/1.html"
    files = sum(1 for p in desk.paths.site.rglob("*") if p.is_file())
    assert re.fullmatch(
        rf"s3://{bucket}/status/ on 127\.0\.0\.1:\d+ at [0-9a-f]{{12}}: {files} uploaded, "
        rf"0 removed, {files} read back",
        public.remote_id,
    ), public.remote_id
    held = s3.objects(bucket)
    local = desk.paths.site
    for path in ("index.html", "ar/index.html", "incidents/1.html", "history.atom"):
        if (local / path).exists():
            assert held[f"status/{path}"].data == (local / path).read_bytes(), path
    assert {k for k in held if k != f"status/{MANIFEST}"} == {
        f"status/{p.relative_to(local).as_posix()}" for p in local.rglob("*") if p.is_file()
    }
    assert held["status/index.html"].content_type == HTML


def test_each_file_that_lands_is_told_as_progress_of_the_delivery(
    desk: Desk, s3: S3Server, bucket: str, memory_keyring: MemoryKeyring
) -> None:
    """What the app's chip shows ("public: sending 12/40"): every upload, counted up to the
    number of files that changed."""
    heard: list[tuple[int, int, int, str]] = []
    desk.dispatcher.listen_progress(lambda *told: heard.append(told))
    add_public(desk, s3, bucket)
    sent = open_incident(desk)
    public = sent["public"]
    assert public.state is DeliveryState.SENT, public.last_error
    files = sum(1 for p in desk.paths.site.rglob("*") if p.is_file())
    told = [(done, total) for delivery_id, done, total, _ in heard if delivery_id == public.id]
    assert sorted(told) == [(n, files) for n in range(1, files + 1)]
    assert {path for *_, path in heard} >= {"index.html", "ar/index.html"}


def test_two_site_channels_mirror_the_same_page_to_two_buckets(
    desk: Desk, s3: S3Server, bucket: str, memory_keyring: MemoryKeyring
) -> None:
    mirror = s3.make_bucket(f"{bucket[:50]}-mirror")
    add_public(desk, s3, bucket)
    desk.channels.add_channel(
        "site", "mirror", {"publish": "s3", "endpoint": s3.endpoint, "bucket": mirror}
    )
    desk.channels.set_channel_secret("mirror", "access_key_id", s3.writer.access_key_id)
    desk.channels.set_channel_secret("mirror", "secret_access_key", s3.writer.secret_access_key)
    sent = open_incident(desk, "site", "public", "mirror")
    assert {name: d.state for name, d in sent.items()} == {
        "site": DeliveryState.SENT, "public": DeliveryState.SENT, "mirror": DeliveryState.SENT
    }  # fmt: skip
    one = {k.removeprefix("status/"): o.data for k, o in s3.objects(bucket).items()}
    other = {k: o.data for k, o in s3.objects(mirror).items()}
    # Each channel builds the page when it sends (their "updated" times may differ by a second)
    assert set(one) == set(other) and "incidents/1.html" in one
    for held in (one, other):
        assert "We are investigating." in held["incidents/1.html"].decode()


def test_without_base_url_the_receipt_names_the_bucket(
    desk: Desk, s3: S3Server, bucket: str, memory_keyring: MemoryKeyring
) -> None:
    add_public(desk, s3, bucket)
    public = open_incident(desk)["public"]
    assert public.state is DeliveryState.SENT, public.last_error
    assert public.remote_url.startswith(f"s3://{bucket}/status/ on 127.0.0.1:")


def test_wrong_keys_fail_the_delivery_with_the_command_that_fixes_it(
    desk: Desk, s3: S3Server, bucket: str, memory_keyring: MemoryKeyring
) -> None:
    add_public(desk, s3, bucket, keys=wrong(s3))
    sent = open_incident(desk)
    assert sent["site"].state is DeliveryState.SENT
    failed = sent["public"]
    assert failed.state is DeliveryState.FAILED
    assert failed.last_error.startswith("public: cannot read the manifest in s3://")
    assert failed.last_error.endswith(
        "set it again with `statusdesk channel secret public secret_access_key`"
    )
    assert "x" * 40 not in failed.last_error


def test_a_missing_secret_is_a_permanent_failure_naming_the_command(
    desk: Desk, s3: S3Server, bucket: str, memory_keyring: MemoryKeyring
) -> None:
    desk.channels.add_channel(
        "site", "public", {"publish": "s3", "endpoint": s3.endpoint, "bucket": bucket}
    )
    failed = open_incident(desk)["public"]
    assert failed.state is DeliveryState.FAILED
    assert failed.last_error.startswith(
        "public: its s3 access_key_id is not set: set it with "
        "`statusdesk channel secret public access_key_id`"
    )


def test_a_store_that_is_down_leaves_the_delivery_to_be_retried(
    desk: Desk, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retry, "BASE_SECONDS", 30.0)  # no automatic retry within the test
    port = free_port()
    desk.channels.add_channel(
        "site", "public",
        {"publish": "s3", "endpoint": f"http://127.0.0.1:{port}", "bucket": "status"},
    )  # fmt: skip
    desk.channels.set_channel_secret("public", "access_key_id", "AKIAEXAMPLE")
    desk.channels.set_channel_secret("public", "secret_access_key", "y" * 40)
    public = open_incident(desk)["public"]
    assert public.state is DeliveryState.RETRY_WAIT
    assert "cannot connect to the store" in (public.last_error or "")


# -- the command line ---------------------------------------------------------------------------


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def feed(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))

    yield feed


def test_the_cli_adds_a_public_page_on_s3_tests_it_and_an_incident_reaches_the_bucket(
    home: Path,
    s3: S3Server,
    bucket: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    stdin: Any,
) -> None:
    base = ("--home", str(home))
    added = call(capsys, *base, "channel", "add", "site", "public",
                 "--set", "publish=s3", "--set", f"endpoint={s3.endpoint}",
                 "--set", f"bucket={bucket}", "--set", "prefix=status",
                 "--set", "base_url=https://status.example.com")  # fmt: skip
    assert added.code == 0, added.stderr
    untested = call(capsys, *base, "channel", "test", "public")
    assert untested.code == 4  # the channel failed: what to do is said
    assert "`statusdesk channel secret public access_key_id`" in untested.stderr
    for key, value in (("access_key_id", s3.writer.access_key_id),
                       ("secret_access_key", s3.writer.secret_access_key)):  # fmt: skip
        stdin(value + "\n")
        stored = call(capsys, *base, "channel", "secret", "public", key)
        assert stored.code == 0, stored.stderr
    tested = call(capsys, *base, "channel", "test", "public")
    assert tested.code == 0, tested.stderr
    assert tested.lines == [
        f"public: wrote, read back and removed a probe object in s3://{bucket}/status/ on "
        f"{s3.endpoint.split('//')[1]}"
    ]
    assert s3.objects(bucket) == {}  # a test publishes nothing
    local = call(capsys, *base, "channel", "test", "site")
    assert local.code == 0 and "nothing to test" in local.stdout
    opened = call(capsys, *base, "incident", "open", "--title-en", "API outage",
                  "--title-ar", "تعطل الواجهة", "--en", "We are investigating.",
                  "--ar", "نحقق في المشكلة.", "--anyway")  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert any("public" in line and "sent" in line for line in opened.lines), opened.stdout
    held = s3.objects(bucket)
    assert "status/index.html" in held and "status/incidents/1.html" in held
    assert "We are investigating." in held["status/incidents/1.html"].data.decode()
    assert s3.writer.secret_access_key not in opened.stdout + opened.stderr


# -- the page published outside an update (app/page_publishing.py) ---------------------------------


def test_a_setting_a_component_and_a_postmortem_reach_the_public_page_without_an_update(
    home: Path,
    s3: S3Server,
    bucket: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A change that shows on the page is published to every target at once: a postmortem
    written after the last update would otherwise never reach the public page."""
    with Desk(home) as desk:
        add_public(desk, s3, bucket)
        open_incident(desk)
    base = ("--home", str(home))
    titled = call(capsys, *base, "setting", "set", "site.title_en", "Acme status")
    assert titled.code == 0, titled.stderr
    said = r"public: published — s3://\S+ on \S+ at [0-9a-f]{12}: [1-9]\d* uploaded, 0 removed, "
    assert re.fullmatch(said + r"[1-9]\d* read back", titled.lines[-1]), titled.lines
    assert "Acme status" in s3.objects(bucket)["status/index.html"].data.decode()
    added = call(capsys, *base, "component", "add", "Search", "--name-ar", "البحث")
    assert added.code == 0 and added.lines[-1].startswith("public: published — "), added.lines
    assert "البحث" in s3.objects(bucket)["status/ar/index.html"].data.decode()
    resolved = call(capsys, *base, "incident", "update", "1", "--state", "resolved",
                    "--en", "Fixed.", "--ar", "تم الإصلاح.")  # fmt: skip
    assert resolved.code == 0, resolved.stderr
    (home / "pm-en.md").write_text("Root cause: a bad deploy.\n", encoding="utf-8")
    (home / "pm-ar.md").write_text("السبب: نشر خاطئ.\n", encoding="utf-8")
    files = ("--en-file", str(home / "pm-en.md"), "--ar-file", str(home / "pm-ar.md"))
    written = call(capsys, *base, "incident", "postmortem", "1", *files)
    assert written.code == 0, written.stderr
    assert written.lines[-1].startswith("public: published — "), written.lines
    assert (
        "Root cause: a bad deploy." in s3.objects(bucket)["status/incidents/1.html"].data.decode()
    )


def test_site_publish_names_each_target_and_a_failure_says_how_to_try_again(
    home: Path,
    s3: S3Server,
    bucket: str,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Desk(home) as desk:
        add_public(desk, s3, bucket)
        desk.channels.add_channel(
            "site", "down", {"publish": "s3", "endpoint": f"http://127.0.0.1:{free_port()}",
                             "bucket": bucket, "region": s3server.REGION}
        )  # fmt: skip
        desk.channels.set_channel_secret("down", "access_key_id", s3.writer.access_key_id)
        desk.channels.set_channel_secret("down", "secret_access_key", s3.writer.secret_access_key)
    base = ("--home", str(home))
    done = call(capsys, *base, "site", "publish", "public")
    assert done.code == 0, done.stderr
    assert len(done.lines) == 1 and done.lines[0].startswith("public: published — ")
    assert "status/index.html" in s3.objects(bucket)
    both = call(capsys, *base, "site", "publish")
    assert both.code == 4  # one target could not be reached
    public, down = both.lines
    assert public.startswith("public: published — ") and "0 uploaded" in public  # nothing new
    assert down.startswith("down: not published — ")
    assert not down.startswith("down: not published — down:")  # named once
    assert down.endswith(
        "The next update publishes it, or `statusdesk site publish down` tries now."
    )
    assert s3.writer.secret_access_key not in both.stdout + both.stderr
    local = call(capsys, *base, "site", "publish", "site")
    assert local.code == 3 and "keeps its page on this disk" in local.stderr
    unknown = call(capsys, *base, "site", "publish", "nosuch")
    assert unknown.code == 3 and "those that do: public, down" in unknown.stderr
