"""The Mastodon channel (kind `mastodon`)."""
