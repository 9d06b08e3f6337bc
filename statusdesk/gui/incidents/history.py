"""The incidents shown, in the order they were shown: Back and Forward (Alt+Left / Alt+Right,
swapped in an Arabic interface: keys/bindings.py default_key) go through them as a browser's
history does. Qt-free."""

from __future__ import annotations


class Visits:
    LIMIT = 100  # the oldest go first

    def __init__(self) -> None:
        self._shown: list[int] = []
        self._at = -1

    def shown(self, incident_id: int) -> None:
        """`incident_id` became current by a choice (not by Back or Forward): what was ahead is
        forgotten, as in a browser."""
        if self._at >= 0 and self._shown[self._at] == incident_id:
            return
        del self._shown[self._at + 1 :]
        self._shown.append(incident_id)
        del self._shown[: -self.LIMIT]
        self._at = len(self._shown) - 1

    def step(self, offset: int) -> int | None:
        """The incident `offset` steps back (−1) or forward (+1), now the current place; None
        (and no move) past either end."""
        target = self._at + offset
        if not 0 <= target < len(self._shown):
            return None
        self._at = target
        return self._shown[target]

    def forget(self, incident_id: int) -> None:
        """An incident that cannot be shown any more (gone from the workspace)."""
        while incident_id in self._shown:
            index = self._shown.index(incident_id)
            del self._shown[index]
            if index <= self._at:
                self._at -= 1
        self._at = max(self._at, 0 if self._shown else -1)
