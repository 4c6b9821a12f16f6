"""Meeting invitations read by Python's icalendar package, as a calendar
program would: the time zone, the start in Europe/Amsterdam, organiser and
attendees, escaped text, and a calendar of all upcoming meetings.

    python3 tests/readers/meeting_ics.py target/debug/wieg
"""

import datetime
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar


def main(cli: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"

        def wieg(*args: str) -> str:
            return subprocess.run(
                [cli, "--data", str(data), *args], check=True, capture_output=True, text=True
            ).stdout

        wieg("init", "--name", "Kansrijke Start Leiden")
        wieg("org", "add", "--name", "GGD Hollands Midden", "--kind", "ggd", "--domain", "publieke gezondheid")
        wieg("contact", "add", "--name", "Inge Bakker", "--org", "GGD Hollands Midden", "--email", "i.bakker@ggdhm.nl")
        wieg("contact", "add", "--name", "Ömer Çelik", "--org", "GGD Hollands Midden", "--email", "o.celik@ggdhm.nl")
        next_year = datetime.date.today().year + 1
        meeting = wieg(
            "meeting", "add", "--title", "Stuurgroep; besluit, en verder", "--kind", "stuurgroep",
            "--date", f"{next_year}-07-01", "--start", "14:00", "--end", "15:30",
            "--location", "Stadhuis, zaal 2", "--invite", "Inge Bakker, Ömer Çelik",
            "--agenda", "Opening|Voortgang pijler 2 — Nu Niet Zwanger met een heel lange titel die gevouwen moet worden",
        ).strip()
        wieg("meeting", "add", "--title", "Werkgroep", "--kind", "werkgroep", "--date", f"{next_year}-12-01")

        out = Path(tmp) / "stuurgroep.ics"
        wieg("export", "ics", meeting, "--out", str(out))
        raw = out.read_bytes()
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
        cal = icalendar.Calendar.from_ical(raw)
        assert cal["VERSION"] == "2.0"
        assert [c["TZID"] for c in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
        (event,) = cal.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Stuurgroep; besluit, en verder", event["SUMMARY"]
        assert str(event["LOCATION"]) == "Stadhuis, zaal 2"
        start = event.decoded("DTSTART")
        assert start == datetime.datetime(next_year, 7, 1, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam")), start
        assert start.utcoffset() == datetime.timedelta(hours=2), "summer time"
        assert event.decoded("DTEND") - start == datetime.timedelta(minutes=90)
        attendees = sorted(str(a) for a in event.get("ATTENDEE"))
        assert attendees == ["mailto:i.bakker@ggdhm.nl", "mailto:o.celik@ggdhm.nl"], attendees
        assert "Nu Niet Zwanger met een heel lange titel" in str(event["DESCRIPTION"])

        upcoming = Path(tmp) / "alles.ics"
        wieg("export", "ics", "--upcoming", "--out", str(upcoming))
        cal = icalendar.Calendar.from_ical(upcoming.read_bytes())
        summaries = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
        assert summaries == ["Stuurgroep; besluit, en verder", "Werkgroep"], summaries
        werkgroep = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == "Werkgroep")
        assert werkgroep.decoded("DTSTART") == datetime.date(next_year, 12, 1), "a day without a time"
    print("meeting invitations read back: 1 invitation, 2 upcoming meetings")


if __name__ == "__main__":
    main(sys.argv[1])
