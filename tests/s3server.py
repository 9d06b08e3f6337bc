"""A real S3 server for the s3 publish target's tests: moto's server in a child process on a
127.0.0.1 port, speaking S3's HTTP protocol and checking every request's SigV4 signature and
the signer's IAM permissions (moto's IAM authentication, switched on once the users exist).

    with s3_server() as s3:
        s3.make_bucket("status")
        s3.writer    # an access key pair allowed every s3 action
        s3.reader    # one allowed s3:GetObject only (for AccessDenied)
        s3.objects("status")  # key -> Object (bytes, type, cache-control, ETag)

A test module takes the `s3` fixture by naming it (`s3 = s3server.s3`): one server per module.
The child is `python -m tests.s3server`: it prints its port, then serves until its stdin
closes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
REGION = "us-east-1"


@dataclass(frozen=True)
class KeyPair:
    access_key_id: str
    secret_access_key: str


@dataclass(frozen=True)
class Object:
    data: bytes
    content_type: str
    cache_control: str
    etag: str
    last_modified: object


@dataclass
class S3Server:
    endpoint: str
    writer: KeyPair
    reader: KeyPair
    process: subprocess.Popen[bytes]

    def client(self, keys: KeyPair | None = None) -> Any:
        import boto3

        keys = keys or self.writer
        return boto3.session.Session(
            aws_access_key_id=keys.access_key_id,
            aws_secret_access_key=keys.secret_access_key,
            region_name=REGION,
        ).client("s3", endpoint_url=self.endpoint)

    def make_bucket(self, name: str) -> str:
        self.client().create_bucket(Bucket=name)
        return name

    def objects(self, bucket: str) -> dict[str, Object]:
        client = self.client()
        found = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for entry in page.get("Contents", []):
                got = client.get_object(Bucket=bucket, Key=entry["Key"])
                found[entry["Key"]] = Object(
                    got["Body"].read(),
                    got.get("ContentType", ""),
                    got.get("CacheControl", ""),
                    got["ETag"].strip('"'),
                    got["LastModified"],
                )
        return found


def _serve() -> None:
    """The child: moto's threaded server on a free port, until stdin closes."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    print(server.get_host_and_port()[1], flush=True)
    sys.stdin.read()
    server.stop()


def _iam_user(iam: Any, name: str, actions: list[str]) -> KeyPair:
    iam.create_user(UserName=name)
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}],
    }
    iam.put_user_policy(UserName=name, PolicyName="s3", PolicyDocument=json.dumps(policy))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return KeyPair(key["AccessKeyId"], key["SecretAccessKey"])


@contextmanager
def s3_server() -> Iterator[S3Server]:
    import boto3
    import requests

    process = subprocess.Popen(
        [sys.executable, "-m", "tests.s3server"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the child prints its port once it listens
        assert line.strip().isdigit(), f"moto's server did not start ({line!r})"
        endpoint = f"http://127.0.0.1:{int(line)}"
        # Before authentication is switched on, anyone may create the users (moto's rule).
        iam = boto3.session.Session(
            aws_access_key_id="setup", aws_secret_access_key="setup", region_name=REGION
        ).client("iam", endpoint_url=endpoint)
        writer = _iam_user(iam, "publisher", ["s3:*"])
        reader = _iam_user(iam, "reader", ["s3:GetObject"])
        # From now on every request must be signed by a known key allowed to do it.
        requests.post(f"{endpoint}/moto-api/reset-auth", data=b"0", timeout=10).raise_for_status()
        yield S3Server(endpoint, writer, reader, process)
    finally:
        if process.stdin is not None and not process.stdin.closed:
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture(scope="module")
def s3() -> Iterator[S3Server]:
    with s3_server() as server:
        yield server


if __name__ == "__main__":
    _serve()
