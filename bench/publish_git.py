"""Publishing the status page to a git branch (issue #14): the first publish (every file) and
then one update (only what changed), to a bare repository made by the `git` program, as a local
path or (`--http`) served by `git http-backend` on 127.0.0.1 with a token
(tests/unit/test_publish_git.py's GitHttp).

    python bench/publish_git.py [--sizes 10:200,1000:20000] [--http]

For each size (incidents:updates) a workspace is seeded as bench/seed.py does; a site channel
`public` with publish=git is added (a token in an in-memory keyring); then its delivery of one
update is attempted in this process, twice: the first publish commits the whole site, the
second (after one more update) a commit on top with only the files that update changed. Each
line says the files changed, removed and read back (the PublishReceipt: one commit) and the
time of the whole delivery (build, read, fetch, commit, push, read back). Needs git.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
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

    from statusdesk.channels.site.publish import git as gitmodule
    from statusdesk.channels.site.publish.git_transport import TOKEN_USER
    from statusdesk.desk import Desk
    from tests.githttp import GitHttp
    from tests.memkeyring import MemoryKeyring
    from tests.unit.test_publish_git import TOKEN

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10:200,1000:20000"))
    parser.add_argument("--http", action="store_true", help="through git http-backend")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    receipts = record_receipts(gitmodule.GitTarget)
    print(HEADER)
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="statusdesk-git-")))
        repos = tmp / "repos"
        repos.mkdir()
        served = None
        if args.http:
            served = GitHttp(repos, TOKEN_USER, TOKEN)
            stack.callback(served.close)
        for incidents, updates in args.sizes:
            home = tmp / f"w{incidents}"
            seed(home, incidents, updates)
            bare = repos / f"status{incidents}.git"
            subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
            subprocess.run(
                ["git", "--git-dir", str(bare), "config", "http.receivepack", "true"], check=True
            )
            remote = f"{served.url}/{bare.name}" if served else str(bare)
            with Desk(home) as desk:
                desk.channels.add_channel("site", "public", {"publish": "git", "remote": remote})
                desk.channels.set_channel_secret("public", "token", TOKEN)
                time_publishes(desk, incidents, receipts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
