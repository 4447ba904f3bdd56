import subprocess
import unicodedata


def pdftotext(pdf: bytes, tmp_path, name="doc") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdffonts(pdf: bytes, tmp_path, name="doc") -> list[dict]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type... encoding emb sub uni object ID: the flags are the 5th-3rd last columns
        fonts.append({"name": cols[0].split("+", 1)[-1], "embedded": cols[-5] == "yes"})
    return fonts


def squash(text: str) -> str:
    """NFKC, no whitespace: how extracted text is compared with the source."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())
