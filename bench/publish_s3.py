"""Publishing the status page to an S3 bucket (issue #14): the first publish (every file) and
then one update (only what changed), on moto's S3 server in a child process on 127.0.0.1.

    python bench/publish_s3.py [--sizes 10:200,1000:20000]

For each size (incidents:updates) a workspace is seeded as bench/seed.py does; a site channel
`public` with publish=s3 is added (its keys in an in-memory keyring); then its delivery of one
update is attempted in this process, twice: the first publish uploads the whole site, the
second (after one more update) only the files that update changed. Each line says the files
uploaded, removed and read back (the PublishReceipt) and the time of the whole delivery
(build, read, upload, read back). Needs the test extras (moto's server, tests/s3server.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.publish_common import HEADER, record_receipts, time_publishes  # noqa: E402
from bench.seed import seed  # noqa: E402


def parse_sizes(text: str) -> list[tuple[int, int]]:
    return [(int(part.partition(":")[0]), int(part.partition(":")[2])) for part in text.split(",")]


def main() -> int:
    import keyring

    from statusdesk.channels.site.publish import s3 as s3module
    from statusdesk.desk import Desk
    from tests.memkeyring import MemoryKeyring
    from tests.s3server import s3_server

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10:200,1000:20000"))
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    receipts = record_receipts(s3module.S3Target)
    print(HEADER)
    with s3_server() as server, tempfile.TemporaryDirectory(prefix="statusdesk-s3-") as tmp:
        for incidents, updates in args.sizes:
            home = Path(tmp) / f"w{incidents}"
            seed(home, incidents, updates)
            bucket = server.make_bucket(f"bench-{incidents}")
            with Desk(home) as desk:
                desk.channels.add_channel(
                    "site",
                    "public",
                    {"publish": "s3", "endpoint": server.endpoint, "bucket": bucket},
                )
                keys = server.writer
                desk.channels.set_channel_secret("public", "access_key_id", keys.access_key_id)
                desk.channels.set_channel_secret(
                    "public", "secret_access_key", keys.secret_access_key
                )
                time_publishes(desk, incidents, receipts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
