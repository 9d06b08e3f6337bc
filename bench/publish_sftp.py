"""Publishing the status page over SFTP (issue #14): the first publish (every file) and then one
update (only what changed), to a real OpenSSH server started on 127.0.0.1 (tests/servers/sshd.py).

    python bench/publish_sftp.py [--sizes 10:200,1000:20000] [--uploaders 4]

For each size (incidents:updates) a workspace is seeded as bench/seed.py does; a site channel
`public` with publish=sftp is added (its key in an in-memory keyring); then its delivery of one
update is attempted in this process, twice: the first publish uploads the whole site, the
second (after one more update) only the files that update changed. Each line says the files
uploaded, removed and read back (the PublishReceipt) and the time of the whole delivery (build,
read, upload, read back). `--uploaders` sets how many SFTP sessions write at once (sftp.py's
UPLOADERS). Needs Debian's openssh-server.
"""

from __future__ import annotations

import argparse
import contextlib
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

    from statusdesk.channels.site.publish import sftp as sftpmodule
    from statusdesk.desk import Desk
    from tests.memkeyring import MemoryKeyring
    from tests.servers.sshd import Sshd

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10:200,1000:20000"))
    parser.add_argument("--uploaders", type=int, default=sftpmodule.UPLOADERS)
    args = parser.parse_args()
    sftpmodule.UPLOADERS = args.uploaders
    keyring.set_keyring(MemoryKeyring())
    receipts = record_receipts(sftpmodule.SftpTarget)
    print(HEADER)
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="statusdesk-sftp-"))
        server = stack.enter_context(Sshd.start(Path(tmp) / "sshd"))
        for incidents, updates in args.sizes:
            home = Path(tmp) / f"w{incidents}"
            seed(home, incidents, updates)
            with Desk(home) as desk:
                desk.channels.add_channel(
                    "site",
                    "public",
                    {
                        "publish": "sftp",
                        "host": server.host,
                        "port": str(server.port),
                        "user": server.user,
                        "path": str(Path(tmp) / f"www{incidents}"),
                    },
                )
                desk.channels.set_channel_secret("public", "private_key", server.client_key_text)
                time_publishes(desk, incidents, receipts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
