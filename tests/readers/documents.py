"""The documents Wieg writes for partners (action plan, minutes, action
items, progress report, a grant's account), read by software we did not write: LibreOffice converts every DOCX,
ODT and XLSX to PDF; python-docx, odfpy and openpyxl read back headings,
tables and cells; pdftotext and pdfinfo read the PDFs. Run with the path of
the `wieg` CLI:

    python3 tests/readers/documents.py target/debug/wieg
"""

import csv
import datetime
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import openpyxl
from odf import opendocument, table as odf_table, text as odf_text
from odf.namespaces import TEXTNS

# Words that fit any column: a document that breaks them is cramped.
SHORT_WORDS = ("Actief", "Afgerond", "Gestopt", "voorbereiding", "Loopt", "Verloskundigenpraktijk")
ARTIFACTS = Path(__file__).resolve().parents[1] / "e2e" / "artifacts"
TRICKY = "Café “De Zon”: ‘ë’ & <geen tag> kost € 1.250,00"
LONG = " ".join(f"Zin {n} over zwangerschappen en de wijkteams." for n in range(1, 1501))


def run(*args: str) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path) -> str:
    return run("pdftotext", "-layout", str(path), "-")


def pdf_info(path: Path, *flags: str) -> str:
    return run("pdfinfo", *flags, str(path))


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """Each page's width and height in points."""
    info = pdf_info(path, "-f", "1", "-l", "9999")
    return [tuple(map(float, m.groups())) for m in re.finditer(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]


def page_images(path: Path, folder: Path) -> list[tuple[int, int, bytes]]:
    """Every page drawn in grey at 30 dpi (pdftoppm), as width, height and
    one byte a pixel; kept as PNG under tests/e2e/artifacts/documents too."""
    folder.mkdir(parents=True, exist_ok=True)
    run("pdftoppm", "-gray", "-r", "30", str(path), str(folder / "page"))
    images = []
    for pgm in sorted(folder.glob("page-*.pgm")):
        data = pgm.read_bytes()
        fields = data.split(maxsplit=4)
        assert fields[0] == b"P5", pgm
        width, height = int(fields[1]), int(fields[2])
        images.append((width, height, data[len(data) - width * height:]))
    shots = ARTIFACTS / "documents"
    shots.mkdir(parents=True, exist_ok=True)
    run("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "8", str(path), str(shots / f"plan-{folder.name}"))
    return images


def ink_box(width: int, height: int, pixels: bytes) -> tuple[int, int, int, int]:
    """Left, top, right, bottom of what is printed (darker than light grey)."""
    rows = [y for y in range(height) if min(pixels[y * width:(y + 1) * width]) < 200]
    cols = [x for x in range(width) if min(pixels[x::width]) < 200]
    return (cols[0], rows[0], cols[-1], rows[-1]) if rows else (0, 0, 0, 0)


def check_plan_layout(pdf: Path, folder: Path) -> None:
    """The plan as a partner prints it: a portrait cover, the tables on
    landscape pages, nothing printed past the 2 cm margins, no word broken
    in a short cell."""
    sizes = pdf_pages(pdf)
    assert sizes[0][0] < sizes[0][1], f"{pdf.name}: the cover is upright"
    landscape = [i for i, (w, h) in enumerate(sizes) if w > h]
    assert len(landscape) >= len(sizes) // 2, f"{pdf.name}: the wide tables lie on their side ({sizes})"
    for i in landscape:
        text = run("pdftotext", "-f", str(i + 1), "-l", str(i + 1), "-layout", str(pdf), "-")
        assert "Visie en werkagenda" not in text, f"{pdf.name}: the vision stays upright"
    first_wide = run("pdftotext", "-f", str(landscape[0] + 1), "-l", str(landscape[0] + 1), str(pdf), "-")
    assert "Pijlers, doelen en acties" in first_wide, first_wide[:300]
    margin = 30 * 1.0 / 2.54  # 1 cm at 30 dpi: half the margin, for anti-aliasing and borders
    for n, (width, height, pixels) in enumerate(page_images(pdf, folder), 1):
        left, top, right, bottom = ink_box(width, height, pixels)
        if n > 1:  # the cover's band runs to the edge on purpose
            assert left >= margin and right <= width - margin, f"{pdf.name} page {n}: printed past the margin ({left}, {right} of {width})"
        assert bottom <= height - margin / 2, f"{pdf.name} page {n}: printed past the bottom"
    text = pdf_text(pdf)
    # A hyphen (typeset as a soft hyphen) after any start of a status word.
    starts = "|".join(w[:k] for w in SHORT_WORDS for k in range(2, len(w) - 1))
    broken = re.findall(rf"(?<![\w-])({starts})[\u00ad-](?=\s|$)", text, re.M)
    assert not broken, f"{pdf.name}: words broken in short cells: {broken}"


def odf_texts(path: Path):
    doc = opendocument.load(str(path))
    headings = [(h.getAttrNS(TEXTNS, "outline-level"), str(h)) for h in doc.getElementsByType(odf_text.H)]
    paragraphs = [str(p) for p in doc.getElementsByType(odf_text.P)]
    tables = doc.getElementsByType(odf_table.Table)
    return doc, headings, paragraphs, tables


def main(cli: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data, out = tmp / "data", tmp / "out"
        out.mkdir()

        def wieg(*args: str) -> str:
            return run(cli, "--data", str(data), *args)

        wieg("demo")
        wieg("logo", str(Path(__file__).resolve().parents[2] / "src-tauri" / "icons" / "128x128.png"))
        plan_actions = json.loads(wieg("action", "list", "--json"))
        written = {}

        def export(*args: str) -> Path:
            line = wieg("export", *args, "--out", str(out)).strip()
            path = Path(line.split(": ", 1)[1])
            assert path.is_file() and path.stat().st_size > 0, line
            written[path.suffix] = written.get(path.suffix, []) + [path]
            return path

        # A meeting whose minutes hold special characters and a very long text.
        meeting = wieg(
            "meeting", "add", "--title", "Werkgroep “pijler 2”", "--kind", "werkgroep", "--date", "2026-11-30",
            "--agenda", "Opening|Lange bespreking",
        ).strip()
        (tmp / "kort.md").write_text(f"**Welkom** bij {TRICKY}\n\n- eerste punt\n- tweede punt\n", encoding="utf-8")
        (tmp / "lang.md").write_text(LONG, encoding="utf-8")
        wieg("minutes", "set", meeting, "1", "--file", str(tmp / "kort.md"))
        wieg("minutes", "set", meeting, "2", "--file", str(tmp / "lang.md"))
        wieg("meeting", "decide", meeting, "--text", f"Besluit over {TRICKY}")

        plan = {f: export("plan", "--format", f) for f in ("docx", "odt", "pdf", "xlsx", "csv")}
        minutes = {f: export("minutes", meeting, "--format", f) for f in ("docx", "odt", "pdf")}
        items = {f: export("actionitems", "--format", f) for f in ("xlsx", "pdf")}
        report = {f: export("report", "--from", "2024-01-01", "--to", "2026-12-31", "--format", f)
                  for f in ("docx", "odt", "pdf")}
        agenda = {f: export("werkagenda", "--format", f) for f in ("docx", "odt", "pdf")}
        grants = json.loads(wieg("funding", "list", "--json"))
        spuk = next(g for g in grants if "SPUK" in g["funding"]["funder"])
        grant = {f: export("grant", spuk["funding"]["id"], "--format", f) for f in ("docx", "odt", "pdf", "xlsx", "csv")}
        assert grant["pdf"].name == "Verantwoording Ministerie van VWS (SPUK Kansrijke Start) 2024-2026.pdf", grant["pdf"].name
        assert report["pdf"].name == "Voortgangsrapportage 2024-2026.pdf", report["pdf"].name
        assert plan["docx"].name == "Actieplan 2024-2027.docx", plan["docx"].name
        assert minutes["pdf"].name == "Notulen 2026-11-30 Werkgroep “pijler 2”.pdf", minutes["pdf"].name

        # python-docx: real headings, tables with a header row, Dutch text.
        d = docx.Document(str(plan["docx"]))
        heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
        assert ("Heading 1", "Pijlers, doelen en acties") in heads, heads[:10]
        assert any(s == "Heading 2" and t.startswith("Pijler 1 — ") for s, t in heads), heads
        assert d.core_properties.language == "nl-NL", d.core_properties.language
        action_tables = [t for t in d.tables if t.rows[0].cells[0].text == "Actie"]
        assert len(action_tables) >= 4, len(action_tables)
        assert [c.text for c in action_tables[0].rows[0].cells] == [
            "Actie", "Kartrekker", "Partners", "Gemeenten", "Status", "Periode", "Budget"]
        header_xml = action_tables[0].rows[0]._tr.xml
        assert "w:tblHeader" in header_xml, "the header row repeats on every page"
        rows = sum(len(t.rows) - 2 for t in action_tables)  # minus header and total
        assert rows == len(plan_actions), (rows, len(plan_actions))
        assert any(r.cells[6].text.startswith("€ ") and r.cells[6].text.endswith(",00")
                   for r in action_tables[0].rows[1:]), "budgets as € 12.500,00"

        m = docx.Document(str(minutes["docx"]))
        logo = m.inline_shapes[0]._inline.docPr.get("descr")
        assert logo == "Logo van Kansrijke Start Noord- en Midden-Limburg", logo
        body = "\n".join(p.text for p in m.paragraphs)
        assert "Welkom bij " + TRICKY in body, body[:500]
        assert f"Besluit: Besluit over {TRICKY}" in body
        assert LONG in body, "the long minutes survive whole"
        assert any(p.style.name == "List Bullet" and p.text == "eerste punt" for p in m.paragraphs)

        # The report's charts are pictures with alt text, in Word and in ODF.
        r = docx.Document(str(report["docx"]))
        assert len(r.inline_shapes) >= 5, len(r.inline_shapes)
        alts = [s._inline.docPr.get("descr") for s in r.inline_shapes]
        assert alts[0].startswith("Logo van"), alts[0]
        assert all(a and any(c.isdigit() for c in a) for a in alts[1:]), alts
        assert any(p.style.name == "Heading 1" and p.text == "Acties per pijler" for p in r.paragraphs)
        # The targets' progress as bars, each target's share of the way in the words.
        targets = json.loads(wieg("goal", "targets", "--json"))
        progress = next(a for a in alts if a.startswith("Staafdiagram van de voortgang per streefwaarde."))
        for t in targets:
            if t["progress_pct"] is not None:
                assert f"{t['label']}: {min(max(t['progress_pct'], 0), 100)} %" in progress, (t["label"], progress)
        from odf import draw, svg
        rdoc = opendocument.load(str(report["odt"]))
        frames = rdoc.getElementsByType(draw.Frame)
        assert len(frames) == len(alts), (len(frames), len(alts))
        assert all(f.getElementsByType(svg.Title) for f in frames), "every picture has a title"

        # A grant's account: its headings, every booking, and sums that add up
        # to what the grant says was paid and committed.
        g = docx.Document(str(grant["docx"]))
        heads = [p.text for p in g.paragraphs if p.style.name == "Heading 1"]
        assert heads == ["Samenvatting", "Besteding per actie", "Bestedingen", "Resultaten"], heads
        bookings = next(t for t in g.tables if t.rows[0].cells[0].text == "Datum")
        def cents(text: str) -> int:
            return int(text.replace("€", "").replace(".", "").replace(",", "").strip())
        total = sum(cents(r.cells[4].text) for r in bookings.rows[1:])
        assert total == spuk["paid_cents"] + spuk["committed_cents"], (total, spuk)
        assert any(p.text == f"Betaald: € {spuk['paid_cents'] // 100:,}".replace(",", ".") + f",{spuk['paid_cents'] % 100:02}."
                   for p in g.paragraphs), [p.text for p in g.paragraphs][:20]
        _, heads, _, _ = odf_texts(grant["odt"])
        assert ("1", "Bestedingen") in heads, heads
        ledger = openpyxl.load_workbook(grant["xlsx"])
        assert ledger.sheetnames == ["Bestedingen", "Per actie"], ledger.sheetnames
        booked = list(ledger["Bestedingen"].iter_rows(values_only=True))
        assert booked[0] == ("Datum", "Omschrijving", "Actie", "Pijler", "Stand", "Bedrag"), booked[0]
        assert all(isinstance(r[0], datetime.datetime) for r in booked[1:])
        assert round(sum(r[5] for r in booked[1:]) * 100) == spuk["paid_cents"] + spuk["committed_cents"]
        rows = list(csv.reader(grant["csv"].read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
        assert rows[0][0] == "Datum" and len(rows) == len(booked), (len(rows), len(booked))
        assert "Financiën" in [p.text for p in r.paragraphs if p.style.name == "Heading 1"], "the report's money"

        # The work agenda in the format's parts, as Word reads it: the seven
        # rows of IST, SOLL and GAP under 3a, and a milestone planning.
        a = docx.Document(str(agenda["docx"]))
        agenda_heads = [p.text for p in a.paragraphs if p.style.name == "Heading 1"]
        assert agenda_heads[:3] == ["Kansrijk opgroeien", "3a. Kansrijke start",
                                    "3a.1 Nu Niet Zwanger (onderdeel van Kansrijke start)"], agenda_heads
        parts = [t for t in a.tables if t.rows[0].cells[0].text == "IST / SOLL / GAP"]
        assert len(parts) == 4 and [r.cells[0].text for r in parts[0].rows[1:]] == [
            "IST", "IST", "SOLL", "SOLL", "GAP (projectplan)", "GAP (projectplan)", "GAP (projectplan)"]
        assert "Nu Niet Zwanger is actief in" in parts[0].rows[2].cells[2].text
        milestones = [t for t in a.tables if [c.text for c in t.rows[0].cells] == [
            "Kwartaal", "Activiteiten", "Verantwoordelijke", "Deelresultaat"]]
        assert len(milestones) == 4 and re.fullmatch(r"20\d\d-K[1-4]", milestones[0].rows[1].cells[0].text)

        # Who took part, and the results per action, as Word reads them: the
        # gatherings' table adds up to what the core counted.
        chapters = [p.text for p in r.paragraphs if p.style.name == "Heading 1"]
        assert "Deelname" in chapters and "Resultaten per actie" in chapters, chapters
        gatherings = json.loads(wieg("gathering", "list", "--from", "2024-01-01", "--to", "2026-12-31", "--json"))
        held = [t for t in r.tables if t.rows[0].cells[0].text == "Datum" and t.rows[0].cells[1].text == "Bijeenkomst"]
        assert len(held) == 1 and len(held[0].rows) - 1 == len(gatherings), (len(held), len(gatherings))
        assert sum(int(row.cells[4].text) for row in held[0].rows[1:]) == sum(g["attended"] for g in gatherings)
        groups = [t for t in r.tables if t.rows[0].cells[0].text == "Groep"]
        assert len(groups) == 1 and {row.cells[0].text for row in groups[0].rows[1:]} == {
            g["name"] for g in json.loads(wieg("group", "list", "--json"))}
        results = [t for t in r.tables if t.rows[0].cells[0].text == "Actie" and t.rows[0].cells[5].text == "Mijlpalen gehaald"]
        assert len(results) >= 3, len(results)
        assert all(re.fullmatch(r"—|\d+ van \d+", row.cells[5].text) for t in results for row in t.rows[1:])

        # The plan's cover, its charts with alt text, and its landscape sections.
        cover = run("pdftotext", "-f", "1", "-l", "1", "-layout", str(plan["pdf"]), "-")
        for fact in ("Kansrijke Start Noord- en Midden-Limburg", "Periode", "2024 – 2027", "Status", "Vastgesteld",
                     "Gemeenten", "Acties", "Datum"):
            assert fact in cover, f"{fact!r} not on the cover: {cover}"
        assert "1 / " not in cover, "the cover has no page number"
        plan_alts = [s._inline.docPr.get("descr") for s in d.inline_shapes]
        assert plan_alts[0].startswith("Logo van"), plan_alts
        assert plan_alts[1].startswith("Staafdiagram van de acties per pijler naar status. Pijler 1: "), plan_alts[1]
        timelines = [a for a in plan_alts if a.startswith("Tijdlijn van de acties van pijler")]
        assert len(timelines) == 4, plan_alts
        assert plan_actions[0]["title"] in " ".join(timelines), "every action is on a timeline, in words"
        from docx.enum.section import WD_ORIENT
        orientations = [s.orientation for s in d.sections]
        assert orientations[0] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orientations, orientations
        wide = [s for s in d.sections if s.orientation == WD_ORIENT.LANDSCAPE][0]
        assert wide.page_width > wide.page_height, (wide.page_width, wide.page_height)
        plan_text = pdf_text(plan["pdf"])
        assert "Rijk (SPUK)" in plan_text and "rijk/spuk" not in plan_text, "kinds of funder in words"
        assert "In voorbereiding" in plan_text and "€ 0,00" not in plan_text and "—" in plan_text
        matrix = [t for t in d.tables if t.rows[0].cells[0].text == "Interventie"]
        assert len(matrix) >= 2 and all(len(t.columns) <= 8 for t in matrix), [len(t.columns) for t in matrix]

        # odfpy: outline headings, header rows, the same texts.
        _, heads, paras, tables = odf_texts(plan["odt"])
        assert ("1", "Pijlers, doelen en acties") in heads, heads[:10]
        assert all(t.getElementsByType(odf_table.TableHeaderRows) for t in tables), "every table has a header row"
        _, heads, paras, _ = odf_texts(minutes["odt"])
        assert ("2", "1. Opening") in heads, heads
        assert any(TRICKY in p for p in paras)
        assert any(LONG in p for p in paras)

        # openpyxl: the plan's sheets, amounts as numbers, dates as dates.
        book = openpyxl.load_workbook(plan["xlsx"])
        assert book.sheetnames == ["Acties", "Uitrol", "Financiering"], book.sheetnames
        acties = list(book["Acties"].iter_rows(values_only=True))
        assert acties[0][:3] == ("Pijler", "Actie", "Omschrijving"), acties[0]
        assert len(acties) - 1 == len(plan_actions)
        budget = acties[0].index("Budget")
        assert all(isinstance(r[budget], (int, float)) for r in acties[1:])
        assert "€" in book["Acties"].cell(row=2, column=budget + 1).number_format
        start = acties[0].index("Start")
        assert any(isinstance(r[start], datetime.datetime) for r in acties[1:])
        assert book.properties.title, "the workbook has a title"
        financiering = list(book["Financiering"].iter_rows(values_only=True))
        assert financiering[0][:6] == ("Financier", "Soort", "Bedrag", "Betaald", "Verplicht", "Over"), financiering[0]
        assert all(round((r[2] - r[3] - r[4]) * 100) == round(r[5] * 100) for r in financiering[1:]), financiering
        uitrol = list(book["Uitrol"].iter_rows(values_only=True))
        assert uitrol[0][:3] == ("Gemeente", "Interventie", "Status") and len(uitrol) > 10
        sheet = openpyxl.load_workbook(items["xlsx"])["Actiepunten"]
        open_items = json.loads(wieg("actionitem", "list", "--json"))
        assert sheet.max_row - 1 == len(open_items), (sheet.max_row, len(open_items))

        # CSV as Dutch Excel reads it.
        raw = plan["csv"].read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
        assert rows[0][1] == "Actie" and len(rows) - 1 == len(plan_actions)

        # PDFs: the Dutch text is there, the pages are counted, PDF/A and tagged.
        for path, expected in [
            (plan["pdf"], ["Pijlers, doelen en acties", "Uitrol van interventies", "Financiering", "€"]),
            (minutes["pdf"], ["Notulen Werkgroep", "Café “De Zon”", "<geen tag>", "Zin 1500 over"]),
            (items["pdf"], ["Openstaande actiepunten", "Stand van"]),
            (report["pdf"], ["Voortgangsrapportage", "Periode", "Acties per pijler", "Financiën", "Deelname",
                             "Getraind per interventie", "Resultaten per actie", "Uitrol van interventies"]),
            (agenda["pdf"], ["Werkagenda Kansrijk opgroeien", "3a. Kansrijke start", "Mijlpalenplanning", "In te vullen."]),
            (grant["pdf"], ["Verantwoording Ministerie van VWS", "Toegekend", "Besteding per actie", "Resultaten"]),
        ]:
            text = pdf_text(path)
            for e in expected:
                assert e in text, f"{e!r} not in {path.name}"
            info = pdf_info(path)
            pages = int(next(l for l in info.splitlines() if l.startswith("Pages:")).split()[1])
            assert pages >= 1, info
            assert "Tagged:          yes" in info, info
            assert "pdfaid:part" in pdf_info(path, "-meta"), "PDF/A identification"
        assert int(next(l for l in pdf_info(minutes["pdf"]).splitlines() if l.startswith("Pages:")).split()[1]) >= 3

        # LibreOffice converts every DOCX, ODT and XLSX without error (one
        # folder per format: the plan has the same name in each).
        sources = written[".docx"] + written[".odt"] + written[".xlsx"]
        for suffix in (".docx", ".odt", ".xlsx"):
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                 "--convert-to", "pdf", "--outdir", str(tmp / suffix[1:]), *map(str, written[suffix])],
                check=True, capture_output=True, timeout=600,
            )
        check_plan_layout(plan["pdf"], tmp / "pages" / "pdf")
        for suffix in ("docx", "odt"):
            check_plan_layout(tmp / suffix / (plan[suffix].stem + ".pdf"), tmp / "pages" / suffix)
        for source in sources:
            pdf = tmp / source.suffix[1:] / (source.stem + ".pdf")
            assert pdf.is_file(), f"LibreOffice did not convert {source.name}"
            text = pdf_text(pdf)
            expected = next(text for start, text in [
                ("Actieplan", "Plan van aanpak" if source.suffix != ".xlsx" else "Pijler"),
                ("Notulen", "Notulen Werkgroep"),
                ("Actiepunten", "Actiepunt"),
                ("Voortgangsrapportage", "1 januari 2024 – 31 december 2026"),
                ("Verantwoording", "Bestedingen" if source.suffix != ".xlsx" else "Omschrijving"),
                ("Werkagenda", "Mijlpalenplanning"),
            ] if source.name.startswith(start))
            assert expected in text, f"{expected!r} not in the conversion of {source.name}"
        # The archive opens with any zip tool, checks out, and restores to
        # the same coalition on a new laptop.
        archive = export("archive")
        import hashlib
        import zipfile
        with zipfile.ZipFile(archive) as z:
            assert z.testzip() is None, "every part's CRC holds"
            manifest = json.loads(z.read("manifest.json"))
            assert manifest["format"] == "wieg-archief" and manifest["format_version"] == 1, manifest
            for name, digest in manifest["sha256"].items():
                assert hashlib.sha256(z.read(name)).hexdigest() == digest, name
            log = z.read("changes.jsonl").decode("utf-8").splitlines()
            assert len(log) == manifest["changes"] and json.loads(log[0])["hlc"]
            orgs = list(csv.reader(z.read("tabellen/organisations.csv").decode("utf-8-sig").splitlines(),
                                   delimiter=";"))
            assert orgs[0][0] == "id" and len(orgs) - 1 == len(json.loads(wieg("org", "list", "--json")))
        fresh = tmp / "fresh"
        restored = run(cli, "--data", str(fresh), "restore", "--archive", str(archive))
        assert "Hersteld:" in restored, restored
        assert run(cli, "--data", str(fresh), "dump") == wieg("dump"), "the restore is the same coalition"

        print(f"documents: {sum(len(v) for v in written.values())} files read back "
              f"({', '.join(sorted(written))}), {len(sources)} converted by LibreOffice")


if __name__ == "__main__":
    main(sys.argv[1])
