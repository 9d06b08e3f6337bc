"""The launcher's first read (app/startup.py, issue #16): the incident list, and the page of the
incident the desk opens on — the one the Desk's own views would read for it — so that the desk's
first paint reads nothing on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from statusdesk.app import read_models
from statusdesk.app.startup import first_read
from statusdesk.core.model import BilingualText, Draft, Impact, IncidentState
from statusdesk.desk import Desk


def opened(desk: Desk, title: str, state: IncidentState = IncidentState.INVESTIGATING) -> int:
    published = desk.publishing.open_incident(
        title=BilingualText(title, "عنوان"),
        draft=Draft(BilingualText(f"{title}.", "نص."), state, Impact.MINOR, {}),
    )
    desk.deliveries.wait_for(published.update_id, timeout=30)
    return published.incident_id


def test_an_empty_workspace_has_no_first_page(tmp_path: Path) -> None:
    read = first_read(tmp_path)
    assert read.summaries == [] and read.page is None


def test_the_first_page_is_the_most_recent_active_incidents_as_the_views_read_it(
    tmp_path: Path,
) -> None:
    with Desk(tmp_path) as desk:
        opened(desk, "Older")
        newer = opened(desk, "Newer")
        opened(desk, "Over", IncidentState.RESOLVED)
        expected = read_models.load_page(desk.views, newer)
    read = first_read(tmp_path)
    assert read.page is not None and read.page.incident.id == newer
    assert read.page == expected
    index = read_models.most_recent_active(read.summaries)
    assert index is not None and read.summaries[index].incident.id == newer


def test_with_no_active_incident_the_first_page_is_the_lists_first(tmp_path: Path) -> None:
    with Desk(tmp_path) as desk:
        only = opened(desk, "Done", IncidentState.RESOLVED)
    read = first_read(tmp_path)
    assert read.page is not None and read.page.incident.id == only
