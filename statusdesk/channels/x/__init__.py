"""X (Twitter) API v2: posts and threads, OAuth 1.0a or OAuth 2, weighted length (kind `x`)."""
