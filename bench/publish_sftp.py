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
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.seed import seed  # noqa: E402


def parse_sizes(text: str) -> list[tuple[int, int]]:
    return [(int(part.partition(":")[0]), int(part.partition(":")[2])) for part in text.split(",")]


def main() -> int:
    import keyring

    from statusdesk.channels.site.publish import sftp as sftpmodule
    from statusdesk.core.model import BilingualText, Draft, IncidentState
    from statusdesk.desk import Desk
    from tests.memkeyring import MemoryKeyring
    from tests.servers.sshd import Sshd

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10:200,1000:20000"))
    parser.add_argument("--uploaders", type=int, default=sftpmodule.UPLOADERS)
    args = parser.parse_args()
    sftpmodule.UPLOADERS = args.uploaders
    keyring.set_keyring(MemoryKeyring())
    receipts: list[Any] = []
    publish = sftpmodule.SftpTarget.publish

    def recorded(self: Any, site: Any, progress: Any) -> Any:
        receipt = publish(self, site, progress)
        receipts.append(receipt)
        return receipt

    sftpmodule.SftpTarget.publish = recorded  # type: ignore[method-assign]
    print(f"{'incidents':>10} {'publish':>10} {'files':>6} {'up':>6} {'gone':>5} {'s':>7}")
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
                for run in ("first", "one update"):
                    draft = Draft(
                        BilingualText(f"Update ({run}).", f"تحديث ({run})."),
                        IncidentState.MONITORING,
                    )
                    published = desk.publishing.post_update(
                        incidents,
                        draft,
                        channel_names=["public"],
                        dispatch=False,
                        skip_reason="the local page is not what is measured",
                    )
                    (delivery_id,) = published.delivery_ids
                    started = time.perf_counter()
                    desk.dispatcher.attempt(delivery_id)
                    elapsed = time.perf_counter() - started
                    delivery = desk.store.deliveries.delivery(delivery_id)
                    assert delivery is not None and delivery.state == "sent", delivery
                    done = receipts[-1]
                    files = sum(1 for p in desk.paths.site.rglob("*") if p.is_file())
                    print(
                        f"{incidents:>10,} {run:>10} {files:>6,} {done.uploaded:>6,} "
                        f"{done.deleted:>5,} {elapsed:>7.2f}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
