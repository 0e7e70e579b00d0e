#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Builds the generated parts of the real-document set (run by hand; CI never runs it).

1. `--henan`: cuts the head and the tail of the Henan local regulations chosen for the set (every
   10th file of ../shared/corpus/henan-local-regulations in sorted order) into files/Hnn-*.md and
   prints their truth rows (title, issuer, date and 施行日期 read from the text by the rules in
   README.md) for documents.tsv.
2. `--formats`: writes every row of documents.tsv whose file ends in .docx or .pdf from its source
   text (the .txt or .md of the same stem) through LibreOffice in the GB/T 9704-2012 page layout:
   A4, type area 156 mm x 225 mm (top 37 mm, left 28 mm), 22 lines of 28 characters, body in a
   CJK serif at 3号 (16 pt), title at 2号 (22 pt), page numbers "— 1 —" at 4号, odd pages right
   and even pages left, one character in from the edge (GB/T 9704-2012 5.2, 6, 7.5).
   `--formats N02 N07` writes only the rows named.
"""
import html
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
FILES = HERE / "files"
CORPUS = HERE.parent.parent.parent / "shared" / "corpus" / "henan-local-regulations"
# Noto Serif CJK (Debian fonts-noto-cjk) stands in for 仿宋 and 小标宋, which no Debian package
# ships; without a CJK font LibreOffice writes a PDF whose text layer is empty boxes.
FONT = "Noto Serif CJK SC"
CN_DATE = r"([0-9〇零一二三四五六七八九十]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日"


def cn_number(text):
    digits = "〇一二三四五六七八九"
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.index(tens) if tens else 1) * 10 + (digits.index(ones) if ones else 0)
    return int("".join(str(digits.index(c)) for c in text.replace("零", "〇")))


def iso(match):
    return "%04d-%02d-%02d" % tuple(cn_number(g) for g in match.groups())


def henan():
    names = sorted(p.name for p in CORPUS.glob("*.md"))[::10]
    for n, name in enumerate(names, 1):
        text = (CORPUS / name).read_text(encoding="utf-8")
        head, _, body = text.partition("<!-- INFO END -->")
        paragraphs = [line for line in body.splitlines() if line.strip()]
        kept = head + "<!-- INFO END -->\n\n" + "\n\n".join(paragraphs[:2] + paragraphs[-3:]) + "\n"
        stem = re.sub(r"\(\d{4}-\d{2}-\d{2}\)$", "", name[:-3])
        out = FILES / ("H%02d-%s.md" % (n, stem))
        out.write_text(kept, encoding="utf-8")
        title = head.splitlines()[0].lstrip("# ").strip()
        history = [line for line in head.splitlines()[1:] if line.strip()]
        issuer = "-"
        for line in history:
            m = re.search(r"日\s*(\S+?)第\S{1,4}届(人民代表大会常务委员会|人民代表大会|人大常委会)", line)
            if m and "通过" in line:
                body_name = "人民代表大会常务委员会" if m.group(2) == "人大常委会" else m.group(2)
                issuer = m.group(1) + body_name
                break
        dates = [iso(m) for line in history for m in re.finditer(CN_DATE, line)]
        date = max(dates) if dates else "-"
        flat = re.sub(r"\s", "", kept)
        effective = "-"
        for m in re.finditer(r"自(?:" + CN_DATE + r"|(公布|发布)之日)起施行", flat):
            effective = "published" if m.group(4) else iso(re.search(CN_DATE, m.group(0)))
        fmt = ["md", "docx", "pdf"][n % 3]
        file = out.with_suffix("." + fmt).name
        print("\t".join(["H%02d" % n, file, "地方性法规", title, "-", "-", issuer, date, effective, "-",
                         "/work/shared/corpus/henan-local-regulations/" + name + "（LawRefBook/Laws）", "2026-12-01"]))


def roles(lines):
    """Assigns each line a paragraph style by its place in a GB/T 9704 document."""
    out = []
    addressee = next((i for i, l in enumerate(lines) if re.search(r"[:：]$", l.strip())), None)
    first_article = next((i for i, l in enumerate(lines) if re.match(r"\s*第[一二三四五六七八九十]+[条章]", l)), len(lines))
    head_end = addressee if addressee is not None else min(first_article, 6)
    for i, raw in enumerate(lines):
        line = raw.strip()
        is_date = bool(re.fullmatch(r"[\s\S]{0,4}" + CN_DATE + r"[\s\S]{0,2}", line.replace(" ", "")))
        if i < head_end:
            if line.endswith("文件"):
                out.append(("Mark", line))
            elif re.search(r"[〔\[(（][0-9]{4}[〕\])）]\s*[0-9]+\s*号$", line) or re.search(r"令第", line):
                out.append(("Number", line))
            else:
                out.append(("Title", line))
        elif is_date or (len(line) <= 20 and i + 1 < len(lines) and re.search(CN_DATE, lines[i + 1]) and len(lines[i + 1].strip()) <= 20):
            out.append(("Sign", line))
        elif re.match(r"第[一二三四五六七八九十]+章", line) or line in ("附件", "附则"):
            out.append(("Chapter", line))
        else:
            out.append(("Body", line))
    return out


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="'{font}'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="0.8524in" style:line-height-at-least="0in"/>
  <style:text-properties style:font-name="{font}" style:font-name-asian="{font}" fo:font-size="16pt" style:font-size-asian="16pt" fo:letter-spacing="-0.008cm" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:line-height="1.0224cm" fo:margin-top="0cm" fo:margin-bottom="0cm"/></style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="1.12cm" fo:text-align="justify"/></style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Mark" style:family="paragraph" style:parent-style-name="Title"><style:paragraph-properties fo:margin-bottom="1.0224cm"/><style:text-properties fo:color="#e60000"/></style:style>
 <style:style style:name="Number" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="Chapter" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:margin-right="2.24cm"/></style:style>
 <style:style style:name="PageOdd" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="0.49cm"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
 <style:style style:name="PageEven" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-left="0.49cm"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4" style:page-usage="mirrored">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.7cm" fo:margin-bottom="1.6cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="1.9cm" fo:margin-top="0.7cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:footer><text:p text:style-name="PageOdd">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
  <style:footer-left><text:p text:style-name="PageEven">— <text:page-number text:select-page="current">2</text:page-number> —</text:p></style:footer-left>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{paragraphs}
</office:text></office:body></office:document>
"""


def formats(ids):
    rows = [l.split("\t") for l in (HERE / "documents.tsv").read_text(encoding="utf-8").splitlines()
            if l and not l.startswith("#") and not l.startswith("id\t")]
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            target = FILES / row[1]
            if target.suffix not in (".docx", ".pdf") or (ids and row[0] not in ids):
                continue
            source = next(p for p in (target.with_suffix(".txt"), target.with_suffix(".md")) if p.exists())
            # Blank lines of the published text stay empty paragraphs: they separate a reprint's
            # issuer line from the title as the page shows it. The corpus's INFO END marker is
            # markup, not text.
            all_lines = [l.lstrip("# ") if l.startswith("# ") else l
                         for l in source.read_text(encoding="utf-8").splitlines() if l.strip() != "<!-- INFO END -->"]
            while all_lines and not all_lines[-1].strip():
                all_lines.pop()
            styled = iter(roles([l for l in all_lines if l.strip()]))
            body = "\n".join('<text:p text:style-name="%s">%s</text:p>' % next(
                (s, html.escape(t)) for s, t in styled) if l.strip() else '<text:p text:style-name="Standard"/>'
                             for l in all_lines)
            fodt = pathlib.Path(tmp) / (target.stem + ".fodt")
            fodt.write_text(FODT.format(font=FONT, paragraphs=body), encoding="utf-8")
            kind = "docx:MS Word 2007 XML" if target.suffix == ".docx" else "pdf:writer_pdf_Export"
            subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", tmp, str(fodt)],
                           check=True, stdout=subprocess.DEVNULL)
            shutil.copy(pathlib.Path(tmp) / target.name, target)
            print(target.name)


if __name__ == "__main__":
    if sys.argv[1:] == ["--henan"]:
        henan()
    elif sys.argv[1:2] == ["--formats"]:
        formats(set(sys.argv[2:]))
    else:
        sys.exit("usage: make-set.py --henan | --formats [ID...]")
