"""An update round as partners take part in it, with software we did not
write: Wieg writes a workbook per partner of the demo coalition; openpyxl
opens three of them as a partner's Excel would, checks the protection,
lists and hidden ids, and edits them (a phone number changed, a contact
added, an action marked done, a date broken); Wieg previews each return,
takes it over, and the round's overview counts who answered. Run with the
path of the `wieg` CLI:

    python3 tests/readers/update_round.py target/debug/wieg
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl


def run(*args: str) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def header(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def rows(ws) -> list[int]:
    """The rows that hold a sent record (an id in the hidden column A)."""
    return [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value]


def main(cli: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "ronde"

        def wieg(*args: str) -> str:
            return run(cli, "--data", str(data), *args)

        wieg("demo")
        wieg("round", "start", "--title", "Voorjaar 2027", "--out", str(out))
        books = sorted(out.glob("*.xlsx"))
        rounds = json.loads(wieg("round", "list", "--json"))
        assert len(rounds) == 1 and rounds[0]["sent"] == len(books) > 10, (len(books), rounds)
        round_id = rounds[0]["round"]["id"]

        # Partners with people and with actions they lead or join.
        def fit(path: Path) -> bool:
            wb = openpyxl.load_workbook(path)
            return len(rows(wb["Contactpersonen"])) >= 1 and len(rows(wb["Acties"])) >= 1

        chosen = [b for b in books if fit(b)][:3]
        assert len(chosen) == 3, "three partners with people and actions"

        for path in chosen:
            wb = openpyxl.load_workbook(path)
            assert wb.sheetnames[0] == "Toelichting", wb.sheetnames
            assert "Wijzig alleen de gele cellen" in " ".join(
                str(c.value) for c in wb["Toelichting"]["A"] if c.value
            )
            for name in ("Organisatie", "Contactpersonen", "Acties", "Uitrol", "Verbindingen"):
                ws = wb[name]
                assert ws.protection.sheet, f"{name} is protected"
                assert ws.column_dimensions["A"].hidden, f"{name}: the id column is hidden"
                for r in rows(ws):
                    assert ws.cell(r, 1).protection.locked, "ids are locked"
            assert wb["Wieg"].sheet_state == "hidden" and wb["Lijsten"].sheet_state == "hidden"
            acties = wb["Acties"]
            status = header(acties)["Status"]
            letter = openpyxl.utils.get_column_letter(status)
            lists = [dv for dv in acties.data_validations.dataValidation if letter in str(dv.sqref)]
            assert lists and lists[0].type == "list" and "Lijsten" in lists[0].formula1, lists
            assert not acties.cell(rows(acties)[0], status).protection.locked, "the status is open"
            title = header(acties)["Titel"]
            assert acties.cell(rows(acties)[0], title).protection.locked, "the title is not"

        # Partner 1 changes a phone number.
        wb = openpyxl.load_workbook(chosen[0])
        ws = wb["Contactpersonen"]
        ws.cell(rows(ws)[0], header(ws)["Telefoon"]).value = "06-12121212"
        one = chosen[0].with_name("terug-1.xlsx")
        wb.save(one)

        # Partner 2 adds a colleague in the first empty row.
        wb = openpyxl.load_workbook(chosen[1])
        ws = wb["Contactpersonen"]
        h = header(ws)
        free = max(rows(ws)) + 1
        ws.cell(free, h["Naam"]).value = "Noor Vermeulen"
        ws.cell(free, h["Functie"]).value = "Jeugdverpleegkundige"
        ws.cell(free, h["E-mail"]).value = "noor.vermeulen@example.nl"
        two = chosen[1].with_name("terug-2.xlsx")
        wb.save(two)

        # Partner 3 marks an action done and breaks a date.
        wb = openpyxl.load_workbook(chosen[2])
        ws = wb["Acties"]
        h = header(ws)
        ws.cell(rows(ws)[0], h["Status"]).value = "Afgerond"
        ws.cell(rows(ws)[0], h["Nieuwe voortgang"]).value = "Afgerond met de laatste scholing"
        done_action = ws.cell(rows(ws)[0], h["Titel"]).value
        people = wb["Contactpersonen"]
        people.cell(rows(people)[0], header(people)["Actief vanaf"]).value = "31-02-2027"
        three = chosen[2].with_name("terug-3.xlsx")
        wb.save(three)

        preview = json.loads(wieg("round", "preview", str(one), "--json"))
        assert (preview["changed"], preview["new"], preview["errors"]) == (1, 0, 0), preview
        [field] = [f for r in preview["rows"] for f in r["fields"]]
        assert (field["field"], field["partner"], field["state"]) == ("phone", "06-12121212", "gewijzigd")
        before = wieg("contact", "list", "--json")
        assert "06-12121212" not in before, "a preview writes nothing"

        preview = json.loads(wieg("round", "preview", str(two), "--json"))
        assert (preview["new"], preview["errors"]) == (1, 0), preview

        preview = json.loads(wieg("round", "preview", str(three), "--json"))
        assert preview["errors"] == 1, preview
        states = {(f["field"], f["state"]) for r in preview["rows"] for f in r["fields"]}
        assert ("status", "gewijzigd") in states and ("active_from", "fout") in states, states
        assert ("progress", "nieuw") in states, states

        for path in (one, two, three):
            json.loads(wieg("round", "accept", str(path), "--json"))

        contacts = json.loads(wieg("contact", "list", "--json"))
        assert any(c["phone"] == "06-12121212" for c in contacts)
        noor = [c for c in contacts if c["name"] == "Noor Vermeulen"]
        assert len(noor) == 1 and noor[0]["email"] == "noor.vermeulen@example.nl", noor
        assert noor[0]["last_checked"], "a person a partner sent counts as checked"
        actions = json.loads(wieg("action", "list", "--json"))
        [done] = [a for a in actions if a["title"] == done_action]
        assert done["status"] == "afgerond", done
        assert done["notes"][0]["text"].startswith("Afgerond met de laatste scholing"), done["notes"]

        overview = json.loads(wieg("round", "show", round_id, "--json"))
        assert (overview["returned"], overview["waiting"]) == (3, len(books) - 3), overview
        print(
            f"update round: {overview['sent']} workbooks sent, {overview['returned']} returned "
            f"({', '.join(p['name'] + ': ' + p['outcome'] for p in overview['partners'] if p['returned_on'])}), "
            f"{overview['waiting']} still to answer"
        )


if __name__ == "__main__":
    main(sys.argv[1])
