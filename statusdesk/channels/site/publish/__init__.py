"""Publish targets for the status page: base.py is the contract (git, sftp, s3 keep it)."""
