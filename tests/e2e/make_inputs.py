"""Builds the inputs a user brings from a UTF-8 report text: the same report saved as GBK or as
UTF-16 with a BOM, as a Word file, and published in a web page of a government site
(pages/*.html are page templates written for these tests in the shapes such sites use)."""
import html
import os
import re
import zipfile

PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CN_DIGITS = "零一二三四五六七八九"
LEVELS = [  # (pattern, Word's number text for the level, numFmt)
    (re.compile(r"^([一二三四五六七八九十]+)、"), "%1、", "chineseCounting"),
    (re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]"), None, "chineseCounting"),
]


def chinese(n):
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def heading_numbers(lines):
    """Per line, (level, value, rest, opening) for numbered headings; Word numbers a level only
    when the whole document numbers it regularly (1, 2, 3… restarting under each parent)."""
    found = []
    for line in lines:
        hit = None
        for level, (pattern, _, _) in enumerate(LEVELS):
            m = pattern.match(line)
            if m:
                hit = (level, m.group(1), line[m.end():], m.group(0))
                break
        found.append(hit)
    regular = [True, True]
    counters = [0, 0]
    for hit in found:
        if not hit:
            continue
        level, numeral = hit[0], hit[1]
        counters[level] += 1
        if level == 0:
            counters[1] = 0
        if chinese(counters[level]) != numeral:
            regular[level] = False
    regular[1] = regular[1] and regular[0]
    # Level 2 reuses the text's own brackets, so Word generates what the text had.
    brackets = next((h[3][0] + "%2" + h[3][-1] for h in found if h and h[0] == 1), "(%2)")
    return found, regular, brackets


def docx(text, path):
    """The report as a .docx: a paragraph per line (an empty one per blank line); headings with a
    regular numbering get it from numbering.xml, as Word's auto-numbered headings do, and a
    heading style."""
    lines = text.splitlines()
    found, regular, brackets = heading_numbers(lines)
    body = []
    for line, hit in zip(lines, found):
        ppr, shown = "", line
        if hit and regular[hit[0]]:
            level = hit[0]
            ppr = (f'<w:pPr><w:pStyle w:val="{level + 1}"/><w:numPr><w:ilvl w:val="{level}"/>'
                   f'<w:numId w:val="1"/></w:numPr></w:pPr>')
            shown = hit[2]
        runs = f'<w:r><w:t xml:space="preserve">{html.escape(shown, quote=False)}</w:t></w:r>' if shown else ""
        body.append(f"<w:p>{ppr}{runs}</w:p>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
                + "".join(body) + "<w:sectPr/></w:body></w:document>")
    levels = [("%1、", LEVELS[0][2]), (brackets, LEVELS[1][2])]
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?>\n<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
                 + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                           f'<w:lvlText w:val="{lvl}"/><w:suff w:val="nothing"/></w:lvl>'
                           for i, (lvl, fmt) in enumerate(levels))
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    # Chinese Word names its heading styles 1, 2…: the name says what they are.
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
              "</w:styles>")
    write_package(path, {"word/document.xml": document, "word/numbering.xml": numbering, "word/styles.xml": styles})


def write_package(path, parts):
    types = ('<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        for name, data in parts.items():
            z.writestr(name, data)


def page(text, template="trs-editor.html", title="", encoding="utf-8"):
    """The report as the article of a CMS page: a <p> per non-blank line, indented with U+3000 or
    &nbsp; as these sites do."""
    paragraphs = []
    for i, line in enumerate(l for l in text.splitlines() if l.strip()):
        indent = "\u3000\u3000" if i % 2 else "&nbsp;&nbsp;&nbsp;&nbsp;"
        paragraphs.append(f"<p style=\"text-indent:2em\">{indent}{html.escape(line, quote=False)}</p>")
    with open(os.path.join(PAGES, template), encoding="utf-8") as f:
        shell = f.read()
    return shell.replace("{{TITLE}}", html.escape(title)).replace("{{ARTICLE}}", "\n".join(paragraphs)).encode(encoding)
