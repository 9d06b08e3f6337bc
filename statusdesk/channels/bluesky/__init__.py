"""The Bluesky channel (kind `bluesky`): XRPC with plain requests (api.py), the account's
session and requests (account.py), Bluesky's text rules (text.py), the channel (channel.py)."""
