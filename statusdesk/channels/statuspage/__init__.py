"""A hosted Atlassian Statuspage, through its REST API (kind `statuspage`)."""
