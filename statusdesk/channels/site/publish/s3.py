"""The s3 publish target: the status page in a bucket of any S3-compatible store (AWS S3,
Cloudflare R2, MinIO, Backblaze B2, …), through boto3.

    statusdesk channel add site public --set publish=s3 --set bucket=status-example \\
        --set endpoint=https://ACCOUNT.r2.cloudflarestorage.com --set region=auto --set prefix=
    statusdesk channel secret public access_key_id
    statusdesk channel secret public secret_access_key

Each file is one PutObject (whole: a reader sees the old object or the new one) with its
Content-Type and Cache-Control (publish/base.py: SiteFile) and a Content-MD5 the store checks;
it is read back by HEAD, its ETag compared with the MD5 of what was sent (the ETag of a
single-part upload; where the store encrypts with KMS the ETag is not an MD5, and the SHA-256
kept in the object's metadata is compared instead). Removals go in DeleteObjects batches.
The manifest (publish/base.py: MANIFEST) is an object under the prefix.

boto3 is imported only here, and only when an s3 target is used. Its timeouts are short and its
own retries few: the delivery engine retries a failed publish, and a publish picks up where the
last one stopped (the manifest).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site.publish.base import (
    LINKED_TO_LAST,
    MANIFEST,
    PublishReceipt,
    SiteFile,
    publish_files,
)
from statusdesk.channels.site.publish.base import Progress as Progress
from statusdesk.channels.targets import CHECK_AGAIN_SECONDS, is_loopback, send_time_problem
from statusdesk.redact import redact

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

SETTINGS = ("endpoint", "bucket", "prefix", "region")
SECRETS = ("access_key_id", "secret_access_key")

DEFAULT_REGION = "us-east-1"
CONNECT_SECONDS = 10.0
READ_SECONDS = 30.0
# botocore tries a request this many times in all (one quick retry of a blip); the delivery
# engine retries the publish after that, and the manifest makes the retry resume.
ATTEMPTS = 2
# Uploads (and read-backs) at once: a first publish of a large site is thousands of files, and
# one at a time it would outlast the delivery's lease on a distant store.
WORKERS = 8
DELETE_BATCH = 1000  # DeleteObjects takes at most 1,000 keys
SHA256_META = "sha256"  # x-amz-meta-sha256: what verify compares where the ETag is not an MD5

# S3's rules for a bucket name (AWS, R2, MinIO and B2 keep them): 3-63 characters, lowercase
# letters, digits, dots and hyphens, beginning and ending with a letter or digit.
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_REGION = re.compile(r"^[a-z0-9-]{1,40}$")

# What a store says when it is busy or broken for a while: try again later.
_TRANSIENT_CODES = frozenset(
    {
        "SlowDown",
        "ServiceUnavailable",
        "InternalError",
        "RequestTimeout",
        "RequestTimeTooSkewed",  # the clock: fixed by NTP, not by a person editing the channel
        "Throttling",
        "ThrottlingException",
        "RequestLimitExceeded",
        "TooManyRequests",
        "XMinioServerNotInitialized",
        "QuotaExceeded",  # a full bucket quota (MinIO, B2): the previous page stays online
        "StorageQuotaExceeded",
        "BadDigest",  # other bytes arrived than were sent: sent again, they arrive whole
    }
)
_TRANSIENT_STATUS = frozenset({408, 429, 500, 502, 503, 504, 507})
_REGION_CODES = frozenset(
    {"PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException"}
)


# -- settings -----------------------------------------------------------------------------------


def _text(settings: Mapping[str, object], key: str) -> str:
    value = settings.get(key)
    return value.strip() if isinstance(value, str) else ""


def clean_prefix(value: str) -> str:
    """The prefix as keys use it: no slash at either end ("status/" and "/status" are "status")."""
    return value.strip().strip("/")


def settings_problems(settings: Mapping[str, object]) -> list[str]:
    """What is wrong with an s3 target's settings, in words a user can act on."""
    problems = []
    bucket = _text(settings, "bucket")
    if not bucket:
        problems.append("bucket is missing: the S3 bucket to publish to, e.g. --set bucket=status")
    elif not _BUCKET.match(bucket) or ".." in bucket:
        problems.append(
            f"bucket {bucket!r} is not an S3 bucket name (3-63 lowercase letters, digits, dots "
            "and hyphens, beginning and ending with a letter or digit)"
        )
    endpoint = _text(settings, "endpoint")
    if endpoint:
        parts = urlsplit(endpoint)
        try:
            host = parts.hostname or ""
            parts.port  # noqa: B018 — raises on a port that is not a number
        except ValueError:
            host = ""
        local = parts.scheme == "http" and is_loopback(host)
        if (parts.scheme != "https" and not local) or not host:
            problems.append(
                f"endpoint must be an https:// address (got {endpoint!r}; http:// only for a "
                "test server on this machine), e.g. https://ACCOUNT.r2.cloudflarestorage.com; "
                "leave it out for AWS S3"
            )
        elif "@" in parts.netloc or parts.query or parts.fragment:
            problems.append(
                "endpoint must be the store's address alone, without a login, query or "
                "fragment (the keys go to `statusdesk channel secret NAME access_key_id` and "
                "`… secret_access_key`)"
            )
    region = _text(settings, "region")
    if region and not _REGION.match(region):
        problems.append(
            f"region {region!r} is not a region name (e.g. eu-west-1, or auto for Cloudflare R2)"
        )
    prefix = clean_prefix(_text(settings, "prefix"))
    if prefix:
        pure = PurePosixPath(prefix)
        if ".." in pure.parts or "." in prefix.split("/") or "//" in prefix or "\\" in prefix:
            problems.append(
                f"prefix {prefix!r} must be a plain folder path inside the bucket (e.g. status "
                "or www/status), without '.', '..' or empty parts"
            )
    return problems


def from_settings(
    settings: Mapping[str, str], secret: Callable[[str], str | None], home: Path
) -> S3Target:
    """The target a site channel's settings and keyring secrets describe. Raises Permanent when
    the settings are wrong or a secret is missing."""
    problems = settings_problems(settings)
    if problems:
        raise Permanent(f"{problems[0]}.")
    keys = {}
    for key in SECRETS:
        value = secret(key)
        if not value:
            raise Permanent(
                f"its s3 {key} is not set: set it with `statusdesk channel secret NAME {key}` "
                "(the store's access key pair, allowed to put, read and delete objects in the "
                "bucket)"
            )
        keys[key] = value.strip()
    return S3Target(
        endpoint=_text(settings, "endpoint") or None,
        bucket=_text(settings, "bucket"),
        prefix=clean_prefix(_text(settings, "prefix")),
        region=_text(settings, "region") or DEFAULT_REGION,
        access_key_id=keys["access_key_id"],
        secret_access_key=keys["secret_access_key"],
    )


# -- the target ---------------------------------------------------------------------------------


def _own_session() -> Any:
    """A botocore session that reads nothing of this machine's AWS set-up (AWS_PROFILE,
    ~/.aws/config, ~/.aws/credentials): the channel's settings and keyring secrets say it all,
    and a profile named in the environment but missing must not break a publish."""
    import os

    import botocore.session

    return botocore.session.Session(
        session_vars={
            "profile": (None, None, None, None),
            "config_file": (None, None, os.devnull, None),
            "credentials_file": (None, None, os.devnull, None),
        }
    )


def _trust() -> str | None:
    """The CA bundle a store's certificate is checked against: the one the machine names for
    AWS, for requests or for OpenSSL (a MinIO under a company CA), else botocore's own.
    Verification is never turned off."""
    import os

    for name in ("AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"):
        if os.environ.get(name):
            return os.environ[name]
    return None


_checked: dict[str, tuple[float, str | None]] = {}


def _guard(request: Any, **kwargs: Any) -> None:
    """Before each request leaves: its host is not (and does not now resolve to) a link-local
    or metadata address (channels/targets.py), checked again at most once a minute a host."""
    import time

    host = urlsplit(str(request.url)).netloc
    now = time.monotonic()
    seen = _checked.get(host)
    if seen is None or now - seen[0] > CHECK_AGAIN_SECONDS:
        seen = (now, send_time_problem(str(request.url)))
        _checked[host] = seen
    if seen[1] is not None:
        raise Permanent(f"{seen[1]}.")


def _md5(data: bytes) -> bytes:
    return hashlib.md5(data, usedforsecurity=False).digest()


class S3Target:
    """A bucket (and a prefix in it) that holds the site: a FileStore for `publish_files`."""

    kind = "s3"

    def __init__(
        self,
        *,
        endpoint: str | None,
        bucket: str,
        prefix: str,
        region: str,
        access_key_id: str,
        secret_access_key: str,
        workers: int = WORKERS,
    ) -> None:
        self.endpoint = endpoint.rstrip("/") if endpoint else None
        self.bucket = bucket
        self.prefix = prefix
        self.region = region
        self._keys = (access_key_id, secret_access_key)
        self._client: S3Client | None = None
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[None]] = []

    # -- what it is ---------------------------------------------------------------------------

    def location(self) -> str:
        where = f"s3://{self.bucket}/{self.prefix + '/' if self.prefix else ''}"
        if self.endpoint:
            where += f" on {urlsplit(self.endpoint).netloc}"
        return where

    def key(self, path: str) -> str:
        return f"{self.prefix}/{path}" if self.prefix else path

    def client(self) -> S3Client:
        if self._client is None:
            import boto3
            from botocore.config import Config

            if self.endpoint:
                refused = send_time_problem(self.endpoint)
                if refused:  # a name pointed at a metadata address since the channel was added
                    raise Permanent(f"{refused}.")
            config = Config(
                connect_timeout=CONNECT_SECONDS,
                read_timeout=READ_SECONDS,
                retries={"mode": "standard", "total_max_attempts": ATTEMPTS},
                # A custom store (MinIO, a test server) is reached by path; AWS by host name.
                s3={"addressing_style": "path" if self.endpoint else "virtual"},
                # Only the checksums S3 requires: some S3-compatible stores refuse the newer
                # ones. Content-MD5 (put) makes the store check every file's bytes anyway.
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
                user_agent_extra="statusdesk",
                max_pool_connections=WORKERS + 2,
            )
            # The channel's endpoint, never one from AWS_ENDPOINT_URL or ~/.aws/config: the keys
            # go where the channel says, and nowhere else. (Not in botocore's stubs yet.)
            own_endpoint: Any = Config
            config = config.merge(own_endpoint(ignore_configured_endpoint_urls=True))
            session = boto3.session.Session(
                aws_access_key_id=self._keys[0],
                aws_secret_access_key=self._keys[1],
                region_name=self.region,
                botocore_session=_own_session(),
            )
            client = session.client(
                "s3", endpoint_url=self.endpoint, config=config, verify=_trust()
            )
            client.meta.events.register("before-send.s3", _guard)
            self._client = client
        return self._client

    # -- FileStore ----------------------------------------------------------------------------

    def read_manifest(self) -> bytes | None:
        with self._errors("read the manifest"):
            try:
                answer = self.client().get_object(Bucket=self.bucket, Key=self.key(MANIFEST))
            except Exception as exc:
                if _code(exc) in ("NoSuchKey", "404"):
                    return None
                raise
            return answer["Body"].read()

    def write_manifest(self, data: bytes) -> None:
        with self._errors("write the manifest"):
            self._put(self.key(MANIFEST), data, "application/json", "no-cache")

    def put(self, file: SiteFile) -> None:
        """Queued to the upload workers; an index page (base.LINKED_TO_LAST) first waits for
        every upload before it to have landed, then goes up alone, so no visitor follows a new
        link to a page that is not there yet. A failed upload is raised at that wait, or at
        `verify`, whichever comes first."""
        if file.path in LINKED_TO_LAST or self.workers <= 1:
            self._landed()
            self._put_now(file)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="statusdesk-s3")
        self._pending.append(self._pool.submit(self._put_now, file))

    def _landed(self) -> None:
        """Wait for every queued upload; then raise the first failure, if any."""
        pending, self._pending = self._pending, []
        failures = [f.exception() for f in pending]
        first = next((f for f in failures if f is not None), None)
        if first is not None:
            raise first

    def _put_now(self, file: SiteFile) -> None:
        with self._errors(f"upload {file.path}"):
            self._put(
                self.key(file.path),
                file.data,
                file.content_type,
                file.cache_control,
                {SHA256_META: file.digest},
            )

    def _put(
        self,
        key: str,
        data: bytes,
        content_type: str,
        cache_control: str,
        metadata: Mapping[str, str] | None = None,
    ) -> None:
        self.client().put_object(
            Bucket=self.bucket,
            Key=key,
            Body=data,
            ContentType=content_type,
            CacheControl=cache_control,
            ContentMD5=base64.b64encode(_md5(data)).decode("ascii"),
            Metadata=dict(metadata or {}),
        )

    def verify(self, files: Sequence[SiteFile]) -> int:
        self._landed()
        if self._pool is not None and len(files) > 1:
            return sum(self._pool.map(self._verify_one, files))
        return sum(self._verify_one(file) for file in files)

    def _verify_one(self, file: SiteFile) -> int:
        with self._errors(f"read back {file.path}"):
            head = self.client().head_object(Bucket=self.bucket, Key=self.key(file.path))
        etag = str(head.get("ETag", "")).strip('"').lower()
        if head.get("ContentLength") != len(file.data):
            same = False
        elif etag == _md5(file.data).hex():
            same = True
        else:
            # An ETag that is not the MD5 (KMS encryption): the SHA-256 we stored with it.
            same = head.get("Metadata", {}).get(SHA256_META) == file.digest
        if not same or _plain(head.get("ContentType")) != _plain(file.content_type):
            raise Transient(
                f"{file.path} in {self.location()} does not read back as it was uploaded "
                "(size, ETag or type differ); the next attempt uploads it again"
            )
        return 1

    def delete(self, paths: Sequence[str]) -> None:
        for start in range(0, len(paths), DELETE_BATCH):
            batch = paths[start : start + DELETE_BATCH]
            with self._errors(f"remove {len(batch)} old files"):
                answer = self.client().delete_objects(
                    Bucket=self.bucket,
                    Delete={"Objects": [{"Key": self.key(p)} for p in batch], "Quiet": True},
                )
            errors = [e for e in answer.get("Errors", []) if e.get("Code") != "NoSuchKey"]
            if errors:
                first = errors[0]
                code = str(first.get("Code", ""))
                said = redact(str(first.get("Message", "")))
                gone = first.get("Key", "?")
                text = f"cannot remove {gone} from {self.location()}: {code} {said}"
                if code in _TRANSIENT_CODES:
                    raise Transient(text.rstrip())
                raise Permanent(
                    f"{text.rstrip()} — the access key needs s3:DeleteObject on the bucket"
                )

    # -- PublishTarget ------------------------------------------------------------------------

    def publish(
        self, site: Mapping[str, SiteFile], progress: Progress, *, message: str | None = None
    ) -> PublishReceipt:
        # `message` is for targets that keep a history (git); files need none.
        try:
            return publish_files(self, site, progress)
        finally:
            self._stop()

    def _stop(self) -> None:
        """No upload goes on after a publish has returned or failed."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self._pending = []

    def test(self) -> str:
        """A probe object written, read back and removed under the prefix; the manifest read
        (as a publish reads it first). Nothing of the site is touched."""
        self.read_manifest()
        probe = SiteFile(f".statusdesk-probe-{secrets.token_hex(6)}.txt", b"statusdesk probe\n")
        self._put_now(probe)
        try:
            self.verify([probe])
        finally:
            self.delete([probe.path])
        return f"wrote, read back and removed a probe object in {self.location()}"

    # -- errors -------------------------------------------------------------------------------

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """botocore's exceptions as the channel errors the delivery engine understands."""
        try:
            yield
        except (Transient, Permanent):
            raise
        except Exception as exc:
            raise self._translate(exc, doing) from None

    def _translate(self, exc: Exception, doing: str) -> Transient | Permanent:
        from botocore import exceptions as boto

        where = self.location()
        if isinstance(exc, boto.SSLError):
            return Permanent(
                f"cannot {doing} in {where}: the endpoint's TLS certificate was not accepted "
                f"({_short(exc)}); check --set endpoint=…, or name the CA that signed it in "
                "SSL_CERT_FILE or AWS_CA_BUNDLE (verification is never turned off)"
            )
        if isinstance(exc, boto.ConnectTimeoutError | boto.ReadTimeoutError):
            return Transient(f"cannot {doing} in {where}: the store did not answer in time")
        if isinstance(exc, boto.EndpointConnectionError | boto.ConnectionError):
            return Transient(
                f"cannot {doing} in {where}: cannot connect to the store (is it up, and the "
                "endpoint right?)"
            )
        if isinstance(exc, boto.ClientError):
            return self._refused(exc, doing)
        if isinstance(exc, boto.NoCredentialsError | boto.ParamValidationError):
            return Permanent(f"cannot {doing} in {where}: {_short(exc)}")
        if isinstance(exc, boto.BotoCoreError):  # a cut stream, an unreadable answer
            return Transient(f"cannot {doing} in {where}: {_short(exc)}")
        return Transient(f"cannot {doing} in {where}: {type(exc).__name__}: {_short(exc)}")

    def _refused(self, exc: Any, doing: str) -> Transient | Permanent:
        code = _code(exc)
        status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
        said = redact(str(exc.response.get("Error", {}).get("Message") or code))
        where = self.location()
        head = f"cannot {doing} in {where}: the store answered {code or status} ({said})"
        if code in _TRANSIENT_CODES or (status in _TRANSIENT_STATUS and code not in _PERMANENT):
            retry = exc.response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
            after = retry.get("retry-after")
            return Transient(head, float(after) if after and after.isdigit() else None)
        fix = _PERMANENT.get(code)
        if fix is None and code in _REGION_CODES:
            right = exc.response.get("Error", {}).get("Region") or exc.response.get(
                "ResponseMetadata", {}
            ).get("HTTPHeaders", {}).get("x-amz-bucket-region")
            fix = "the bucket is in another region: set --set region=" + (right or "REGION")
        if fix is None:
            fix = "check the bucket, prefix and the access key's permissions"
        return Permanent(f"{head} — {fix.format(bucket=self.bucket)}")


_PERMANENT = {
    "AccessDenied": (
        "the access key may not do this: allow it s3:PutObject, s3:GetObject, s3:DeleteObject "
        "on {bucket}/the prefix, and s3:ListBucket (so a missing object reads as missing)"
    ),
    "AllAccessDisabled": "all access to {bucket} is disabled by the store's owner",
    "AccountProblem": "the store's account has a problem (billing?): see its console",
    "InvalidAccessKeyId": (
        "the store does not know this access key: set the right one with "
        "`statusdesk channel secret NAME access_key_id`"
    ),
    "SignatureDoesNotMatch": (
        "the secret key does not match the access key: set it again with "
        "`statusdesk channel secret NAME secret_access_key`"
    ),
    "InvalidToken": "the access key is not valid: set a new key pair with `channel secret`",
    "ExpiredToken": "the access key has expired: set a new key pair with `channel secret`",
    "NoSuchBucket": (
        "there is no bucket {bucket} at this endpoint: create it, or fix --set bucket=… / "
        "--set endpoint=…"
    ),
    "InvalidBucketName": "{bucket} is not a bucket name this store accepts: fix --set bucket=…",
    "InvalidDigest": "the store refused the Content-MD5 header",
}


def _code(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return ""
    return str(response.get("Error", {}).get("Code") or "")


def _plain(content_type: object) -> str:
    """A Content-Type as stores may give it back: "text/html;charset=UTF-8" is ours."""
    return str(content_type or "").replace(" ", "").lower()


def _short(exc: BaseException) -> str:
    return redact(str(exc))[:300]
