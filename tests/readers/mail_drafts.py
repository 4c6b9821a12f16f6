"""The e-mail drafts Wieg writes for the coordinator's mail program, read
by Python's own e-mail parser: one draft per owner of open action items
(marked unsent, addressed, every item in the text) and a meeting's minutes
to those invited with the PDF attached (read back by pdftotext). Run with
the path of the `wieg` CLI:

    python3 tests/readers/mail_drafts.py target/debug/wieg
"""

import json
import subprocess
import sys
import tempfile
from email import policy
from email.parser import BytesParser
from pathlib import Path


def run(*args: str, stdin: bytes | None = None) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, input=stdin).stdout.decode()


def read(path: Path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def main(cli: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "concepten"

        def wieg(*args: str) -> str:
            return run(cli, "--data", str(data), *args)

        wieg("demo")
        drafts = json.loads(wieg("mail", "follow-up", "--json"))
        assert drafts, "the demo has open action items"
        wieg("mail", "follow-up", "--out", str(out))
        files = sorted(out.glob("*.eml"))
        assert len(files) == len(drafts), (len(files), len(drafts))
        for d in drafts:
            [path] = [f for f in files if f.name == d["draft"]["file_name"]]
            message = read(path)
            assert message["X-Unsent"] == "1", "opens as a new, unsent message"
            assert message["Subject"] == d["draft"]["subject"], message["Subject"]
            assert d["owner_name"] in message["Subject"]
            addresses = [a.addr_spec for a in message["To"].addresses] if message["To"] else []
            assert addresses == [r["email"] for r in d["draft"]["to"]], (addresses, d["draft"]["to"])
            text = message.get_body(("plain",)).get_content()
            assert text.replace("\r\n", "\n").strip() == d["draft"]["body"].strip(), path.name
            assert text.count("\n- ") == d["open"], (text, d["open"])
            assert d["draft"]["mailto"].startswith("mailto:") and len(d["draft"]["mailto"]) <= 1900

        meetings = json.loads(wieg("meeting", "list", "--json"))
        held = [m for m in meetings if m["status"] != "gepland"]
        meeting = held[0]
        mail_dir = Path(tmp) / "notulen"
        written = Path(wieg("mail", "minutes", meeting["id"], "--format", "pdf", "--out", str(mail_dir)).strip())
        message = read(written)
        assert message["X-Unsent"] == "1"
        assert message["Subject"].startswith(f"Notulen {meeting['title']}"), message["Subject"]
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        pdf = Path(tmp) / attachment.get_filename()
        pdf.write_bytes(attachment.get_content())
        text = run("pdftotext", "-layout", str(pdf), "-")
        assert f"Notulen {meeting['title']}" in " ".join(text.split()), text[:400]
        print(
            f"mail drafts: {len(files)} follow-up drafts, each addressed and parsed; "
            f"minutes of {meeting['title']!r} to {len(message['To'].addresses) if message['To'] else 0} invited, PDF attached"
        )


if __name__ == "__main__":
    main(sys.argv[1])
