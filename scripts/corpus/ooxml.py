"""Low-level WordprocessingML: element helpers, the package parts and a deterministic zip writer.

The corpus files are assembled from scratch with lxml rather than from python-docx's default
template so that every part (styles, numbering, footnotes, revision marks) is under control
and re-running the generator gives byte-identical files (fixed zip timestamps and dates).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def q(tag: str) -> str:
    """Clark name for a w: tag ("r:id" for the relationships namespace)."""
    if tag.startswith("r:"):
        return f"{{{R_NS}}}{tag[2:]}"
    return f"{{{W_NS}}}{tag}"


def el(tag: str, attrs: dict[str, object] | None = None, *children: etree._Element | None) -> etree._Element:
    """A w: element with w:-namespaced attributes and the given (non-None) children."""
    node = etree.Element(q(tag), nsmap=NSMAP) if tag in ("document", "styles", "numbering", "settings",
                                                         "footnotes", "hdr", "ftr", "fonts") else etree.Element(q(tag))
    for key, value in (attrs or {}).items():
        node.set(q(key), str(value))
    for child in children:
        if child is not None:
            node.append(child)
    return node


def val(tag: str, value: object) -> etree._Element:
    return el(tag, {"val": value})


def text_el(tag: str, text: str) -> etree._Element:
    """w:t or w:delText, preserving spaces at either end."""
    node = el(tag)
    node.text = text
    if text != text.strip():
        node.set(f"{{{XML_NS}}}space", "preserve")
    return node


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class Level:
    """One level of an abstract numbering definition."""

    ilvl: int
    fmt: str
    text: str
    left: int
    hanging: int
    start: int = 1
    font: str | None = None
    pstyle: str | None = None
    suff: str | None = None


@dataclass
class Numbering:
    """numbering.xml content: abstract definitions and the w:num instances pointing at them."""

    abstracts: list[tuple[int, str, str, list[Level]]] = field(default_factory=list)
    nums: list[tuple[int, int, dict[int, int]]] = field(default_factory=list)

    def add_abstract(self, abstract_id: int, nsid: str, kind: str, levels: list[Level]) -> None:
        self.abstracts.append((abstract_id, nsid, kind, levels))

    def add_num(self, abstract_id: int, overrides: dict[int, int] | None = None) -> int:
        num_id = len(self.nums) + 1
        self.nums.append((num_id, abstract_id, overrides or {}))
        return num_id

    def xml(self) -> bytes:
        root = el("numbering")
        for abstract_id, nsid, kind, levels in self.abstracts:
            ab = el("abstractNum", {"abstractNumId": abstract_id}, val("nsid", nsid),
                    val("multiLevelType", kind), val("tmpl", f"{int(nsid, 16) ^ 0x5A5A5A5A:08X}"))
            for lv in levels:
                ppr = el("pPr", None, el("ind", {"left": lv.left, "hanging": lv.hanging}))
                node = el("lvl", {"ilvl": lv.ilvl}, val("start", lv.start), val("numFmt", lv.fmt),
                          val("pStyle", lv.pstyle) if lv.pstyle else None,
                          val("suff", lv.suff) if lv.suff else None,
                          val("lvlText", lv.text), val("lvlJc", "left"), ppr)
                if lv.font:
                    node.append(el("rPr", None, el("rFonts", {"ascii": lv.font, "hAnsi": lv.font,
                                                              "hint": "default"})))
                ab.append(node)
            root.append(ab)
        for num_id, abstract_id, overrides in self.nums:
            num = el("num", {"numId": num_id}, val("abstractNumId", abstract_id))
            for ilvl, start in sorted(overrides.items()):
                num.append(el("lvlOverride", {"ilvl": ilvl}, val("startOverride", start)))
            root.append(num)
        return xml_bytes(root)


@dataclass
class Style:
    """A paragraph, character or table style."""

    sid: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    next: str | None = None
    ppr: list[etree._Element] = field(default_factory=list)
    rpr: list[etree._Element] = field(default_factory=list)
    tblpr: list[etree._Element] = field(default_factory=list)
    default: bool = False
    custom: bool = False


def styles_xml(font: str, size_half_points: int, styles: list[Style]) -> bytes:
    """styles.xml: document defaults (font, size, en-GB) and the given styles."""
    fonts = el("rFonts", {"ascii": font, "hAnsi": font, "eastAsia": "SimSun", "cs": font})
    rpr_default = el("rPrDefault", None, el("rPr", None, fonts, val("sz", size_half_points),
                                            val("szCs", size_half_points),
                                            el("lang", {"val": "en-GB", "eastAsia": "zh-CN", "bidi": "ar-SA"})))
    ppr_default = el("pPrDefault", None, el("pPr", None, el("spacing", {"before": 120, "after": 0})))
    root = el("styles", None, el("docDefaults", None, rpr_default, ppr_default))
    for st in styles:
        attrs: dict[str, object] = {"type": st.kind, "styleId": st.sid}
        if st.default:
            attrs["default"] = 1
        if st.custom:
            attrs["customStyle"] = 1
        node = el("style", attrs, val("name", st.name))
        if st.based_on and not st.default:
            node.append(val("basedOn", st.based_on))
        if st.next:
            node.append(val("next", st.next))
        node.append(el("qFormat"))
        if st.ppr:
            node.append(el("pPr", None, *st.ppr))
        if st.rpr:
            node.append(el("rPr", None, *st.rpr))
        if st.tblpr:
            node.append(el("tblPr", None, *st.tblpr))
        root.append(node)
    return xml_bytes(root)


def settings_xml(track: bool) -> bytes:
    root = el("settings", None, el("zoom", {"percent": 100}), el("trackRevisions") if track else None,
              val("defaultTabStop", 794), el("autoHyphenation", {"val": 0}),
              val("characterSpacingControl", "doNotCompress"),
              el("footnotePr", None, el("footnote", {"id": -1}), el("footnote", {"id": 0})),
              el("compat", None, el("compatSetting", {"name": "compatibilityMode",
                                                      "uri": "http://schemas.microsoft.com/office/word",
                                                      "val": 15})),
              el("themeFontLang", {"val": "en-GB", "eastAsia": "zh-CN"}),
              val("decimalSymbol", "."), val("listSeparator", ","))
    return xml_bytes(root)


def fonts_xml(names: list[str]) -> bytes:
    root = el("fonts")
    for name in names:
        root.append(el("font", {"name": name}, val("charset", "02" if name == "Symbol" else "00"),
                       val("family", "roman" if name in ("Times New Roman", "Symbol") else "swiss"),
                       val("pitch", "variable")))
    return xml_bytes(root)


def field_runs(instr: str, result: str, rpr: etree._Element | None = None) -> list[etree._Element]:
    """A complex field (begin / instrText / separate / cached result / end) as runs."""
    def run(*kids: etree._Element) -> etree._Element:
        r = el("r", None, etree.fromstring(etree.tostring(rpr)) if rpr is not None else None)
        for k in kids:
            r.append(k)
        return r
    instr_el = text_el("instrText", f" {instr} ")
    return [run(el("fldChar", {"fldCharType": "begin"})), run(instr_el),
            run(el("fldChar", {"fldCharType": "separate"})), run(text_el("t", result)),
            run(el("fldChar", {"fldCharType": "end"}))]


def header_xml(reference: str) -> bytes:
    """Page header: the document reference at the right margin."""
    p = el("p", None, el("pPr", None, val("pStyle", "Header"), val("jc", "right")),
           el("r", None, text_el("t", reference)))
    return xml_bytes(el("hdr", None, p))


def footer_xml() -> bytes:
    """Page footer: "- N -" with N a PAGE field."""
    p = el("p", None, el("pPr", None, val("pStyle", "Footer"), val("jc", "center")),
           el("r", None, text_el("t", "- ")), *field_runs("PAGE", "1"), el("r", None, text_el("t", " -")))
    return xml_bytes(el("ftr", None, p))


def footnotes_xml(notes: list[str]) -> bytes:
    """footnotes.xml with Word's separator notes (ids -1 and 0) and numbered notes from 1."""
    root = el("footnotes")
    root.append(el("footnote", {"type": "separator", "id": -1},
                   el("p", None, el("r", None, el("separator")))))
    root.append(el("footnote", {"type": "continuationSeparator", "id": 0},
                   el("p", None, el("r", None, el("continuationSeparator")))))
    for k, text in enumerate(notes, start=1):
        ref = el("r", None, el("rPr", None, val("rStyle", "FootnoteReference")), el("footnoteRef"))
        body = el("r", None, text_el("t", text))
        root.append(el("footnote", {"id": k}, el("p", None, el("pPr", None, val("pStyle", "FootnoteText")),
                                                ref, el("r", None, el("tab")), body)))
    return xml_bytes(root)


def core_xml(title: str, author: str, modified_by: str, created: str, modified: str, revision: int) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    dcterms = "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi})
    for ns, tag, text in ((dc, "title", title), (dc, "creator", author), (cp, "lastModifiedBy", modified_by),
                          (cp, "revision", str(revision)), (dcterms, "created", created),
                          (dcterms, "modified", modified)):
        node = etree.SubElement(root, f"{{{ns}}}{tag}")
        node.text = text
        if ns == dcterms:
            node.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
    return xml_bytes(root)


def app_xml(company: str) -> bytes:
    ep = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ep}}}Properties", nsmap={None: ep})
    for tag, text in (("Template", "Normal.dotm"), ("Application", "Microsoft Office Word"),
                      ("DocSecurity", "0"), ("Company", company), ("AppVersion", "16.0000")):
        etree.SubElement(root, f"{{{ep}}}{tag}").text = text
    return xml_bytes(root)


def rels_xml(rels: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
    for rid, rtype, target in rels:
        etree.SubElement(root, f"{{{PKG_REL}}}Relationship", Id=rid, Type=rtype, Target=target)
    return xml_bytes(root)


def content_types_xml(overrides: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    etree.SubElement(root, f"{{{CT_NS}}}Default", Extension="rels",
                     ContentType="application/vnd.openxmlformats-package.relationships+xml")
    etree.SubElement(root, f"{{{CT_NS}}}Default", Extension="xml", ContentType="application/xml")
    for part, ctype in overrides.items():
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=part, ContentType=ctype)
    return xml_bytes(root)


@dataclass
class Package:
    """Everything that goes into one .docx besides the body."""

    title: str
    author: str
    created: str
    modified: str
    reference: str
    font: str
    size: int
    styles: list[Style]
    numbering: Numbering
    footnotes: list[str]
    track_revisions: bool = False
    revision: int = 3
    company: str = "International Telecommunication Union"


def write_docx(path: Path, body: etree._Element, pkg: Package) -> None:
    """Write the package with fixed zip timestamps so re-runs are byte-identical."""
    doc = el("document", None, body)
    parts: dict[str, bytes] = {
        "word/document.xml": xml_bytes(doc),
        "word/styles.xml": styles_xml(pkg.font, pkg.size, pkg.styles),
        "word/numbering.xml": pkg.numbering.xml(),
        "word/settings.xml": settings_xml(pkg.track_revisions),
        "word/fontTable.xml": fonts_xml(sorted({pkg.font, "Calibri", "Times New Roman", "Symbol", "SimSun"})),
        "word/footnotes.xml": footnotes_xml(pkg.footnotes),
        "word/header1.xml": header_xml(pkg.reference),
        "word/footer1.xml": footer_xml(),
        "docProps/core.xml": core_xml(pkg.title, pkg.author, pkg.author, pkg.created, pkg.modified, pkg.revision),
        "docProps/app.xml": app_xml(pkg.company),
    }
    doc_rels = [
        ("rId1", f"{DOC_REL}/styles", "styles.xml"),
        ("rId2", f"{DOC_REL}/numbering", "numbering.xml"),
        ("rId3", f"{DOC_REL}/settings", "settings.xml"),
        ("rId4", f"{DOC_REL}/fontTable", "fontTable.xml"),
        ("rId5", f"{DOC_REL}/footnotes", "footnotes.xml"),
        ("rId6", f"{DOC_REL}/header", "header1.xml"),
        ("rId7", f"{DOC_REL}/footer", "footer1.xml"),
    ]
    pkg_rels = [
        ("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"),
        ("rId3", f"{DOC_REL}/extended-properties", "docProps/app.xml"),
    ]
    overrides = {
        "/word/document.xml": f"{WML_CT}.document.main+xml",
        "/word/styles.xml": f"{WML_CT}.styles+xml",
        "/word/numbering.xml": f"{WML_CT}.numbering+xml",
        "/word/settings.xml": f"{WML_CT}.settings+xml",
        "/word/fontTable.xml": f"{WML_CT}.fontTable+xml",
        "/word/footnotes.xml": f"{WML_CT}.footnotes+xml",
        "/word/header1.xml": f"{WML_CT}.header+xml",
        "/word/footer1.xml": f"{WML_CT}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    if not pkg.numbering.abstracts:
        del parts["word/numbering.xml"], overrides["/word/numbering.xml"]
        doc_rels = [r for r in doc_rels if not r[2].startswith("numbering")]
    ordered = [("[Content_Types].xml", content_types_xml(overrides)), ("_rels/.rels", rels_xml(pkg_rels)),
               ("word/_rels/document.xml.rels", rels_xml(doc_rels))] + sorted(parts.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in ordered:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
