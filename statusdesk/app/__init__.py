"""Qt-free use cases over one application context (docs/ARCHITECTURE.md §1).

Each module is one use case family — publishing, maintenance, scheduling, deliveries,
channels, workspace settings, read models — given the `AppContext` and the collaborators it
uses, never the Desk. `statusdesk.desk.Desk` composes them; the GUI and the CLI call them
through the Desk's attributes (`desk.publishing.post_update(…)`).
"""
