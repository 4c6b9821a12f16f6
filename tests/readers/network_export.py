"""The network exports, read by the readers partners' tools use: openpyxl
for the Kumu workbook, Python's csv module set up as Dutch Excel reads CSV
(semicolons, UTF-8 with BOM). Run with the path of the `wieg` CLI:

    python3 tests/readers/network_export.py target/debug/wieg
"""

import csv
import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl


def main(cli: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"

        def wieg(*args: str) -> str:
            return subprocess.run(
                [cli, "--data", str(data), *args], check=True, capture_output=True, text=True
            ).stdout

        wieg("demo")
        orgs = json.loads(wieg("org", "list", "--json"))
        relations = json.loads(wieg("relation", "list", "--json"))
        by_name = {o["name"]: o for o in orgs}

        xlsx = Path(tmp) / "netwerk.xlsx"
        wieg("export", "network", "--format", "xlsx", "--out", str(xlsx))
        book = openpyxl.load_workbook(xlsx)
        assert book.sheetnames == ["Elements", "Connections"], book.sheetnames
        elements = list(book["Elements"].iter_rows(values_only=True))
        assert elements[0][:3] == ("Label", "Type", "Domain"), elements[0]
        assert len(elements) - 1 == len(orgs), (len(elements), len(orgs))
        header = elements[0]
        signed_col = header.index("Signed on")
        for row in elements[1:]:
            org = by_name[row[0]]
            # The kind and domain as the app shows them: the label, which
            # reads back as the same choice.
            assert row[1].lower() == org["kind"] and row[2].lower() == org["domain"], row
            assert row[1][0].isupper() and row[2][0].isupper(), row
            signed = row[signed_col]
            if org["signed_on"]:
                # A real date cell, not text: Excel sorts and filters on it.
                assert isinstance(signed, datetime.datetime), signed
                assert signed.date().isoformat() == org["signed_on"], (signed, org)
            else:
                assert signed is None, signed
        connections = list(book["Connections"].iter_rows(values_only=True))
        assert connections[0][:4] == ("From", "To", "Type", "Strength"), connections[0]
        assert len(connections) - 1 == len(relations)
        assert all(isinstance(r[3], (int, float)) and 1 <= r[3] <= 5 for r in connections[1:])

        wieg("export", "network", "--format", "csv", "--out", str(Path(tmp) / "netwerk.csv"))
        raw = (Path(tmp) / "netwerk-organisaties.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM, or Excel shows é as Ã©"
        with open(Path(tmp) / "netwerk-organisaties.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
        assert rows[0][0] == "Naam" and len(rows) - 1 == len(orgs)
        names = {r[0] for r in rows[1:]}
        assert names == set(by_name), names ^ set(by_name)
        assert any("ö" in n or "é" in n or "–" in n for n in names), "non-ASCII names survive"
        with open(Path(tmp) / "netwerk-verbindingen.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
        assert rows[0][:4] == ["Van", "Naar", "Type", "Sterkte"] and len(rows) - 1 == len(relations)
    print(f"network exports read back: {len(orgs)} organisations, {len(relations)} relations")


if __name__ == "__main__":
    main(sys.argv[1])
