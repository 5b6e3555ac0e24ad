"""The minutes in a chosen language, as an HTML body and as an A4 PDF laid out from the same HTML.

The PDF uses DejaVu Sans (Latin, Turkish, Cyrillic, Greek, Arabic) and falls back to a CJK font
for names in Chinese, Japanese or Korean. Text is shaped by HarfBuzz (uharfbuzz), so that Arabic
letters take their joined forms and run right to left. A character no available font covers is never dropped
silently: the PDF is refused with a message naming it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import unescape
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TextStyle

from icor.conferences.minutes import Minutes, minutes
from icor.conferences.models import Conference

# (family, regular file, bold file or None); the first found of each family is used, in this order.
FONT_CANDIDATES: list[tuple[str, list[Path], list[Path]]] = [
    (
        "DejaVu",
        [
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
        ],
        [
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            Path("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
        ],
    ),
    (
        "DroidFallback",
        [Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")],
        [],
    ),
]


class MinutesUncoverable(ValueError):
    """The minutes hold characters that no installed font can show; the message names them."""


@dataclass(frozen=True)
class Font:
    family: str
    regular: Path
    bold: Path | None
    covers: frozenset[int]


@cache
def available_fonts() -> tuple[Font, ...]:
    fonts = []
    for family, regulars, bolds in FONT_CANDIDATES:
        regular = next((p for p in regulars if p.exists()), None)
        if regular is None:
            continue
        bold = next((p for p in bolds if p.exists()), None)
        with TTFont(str(regular), lazy=True) as font:
            covers = frozenset(font.getBestCmap() or {})
        fonts.append(Font(family, regular, bold, covers))
    if not fonts or fonts[0].family != "DejaVu":
        raise MinutesUncoverable(
            _("The DejaVu fonts are needed for PDF minutes (Debian: apt install fonts-dejavu-core).")
        )
    return tuple(fonts)


def uncovered(text: str) -> list[str]:
    """Characters of `text` that none of the available fonts can draw (spaces and controls aside)."""
    covered = frozenset().union(*(font.covers for font in available_fonts()))
    return sorted({c for c in text if not c.isspace() and ord(c) >= 32 and ord(c) not in covered})


def minutes_language(requested: str | None) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    return requested if requested in codes else translation.get_language() or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class RenderedMinutes:
    record: Minutes
    language: str
    heading: str
    body: SafeString


def render_minutes(conference: Conference, language: str) -> RenderedMinutes:
    """The body of the minutes rendered under `language`, whatever the reader's own language."""
    with translation.override(language):
        record = minutes(conference)
        heading = _("Minutes: %(title)s") % {"title": conference.title}
        body = render_to_string(
            "conferences/_minutes_body.html", {"minutes": record, "conference": conference}
        )
    return RenderedMinutes(record=record, language=language, heading=heading, body=SafeString(body))


class MinutesDocument(FPDF):
    """A4; the conference title on top of every page and "page n of m" at its foot."""

    def __init__(self, *, title: str, page_label: str) -> None:
        super().__init__(format="A4")
        self.running_title = title
        self.page_label = page_label

    def header(self) -> None:
        self.set_font("DejaVu", size=8)
        self.set_text_color(90)
        self.cell(0, 6, self.running_title, align="L")
        self.ln(8)
        self.set_text_color(0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.set_text_color(90)
        self.cell(0, 8, self.page_label % {"page": self.page_no(), "pages": "{nb}"}, align="C")
        self.set_text_color(0)


def render_pdf(conference: Conference, language: str) -> bytes:
    rendered = render_minutes(conference, language)
    with translation.override(language):
        page_label = _("Page %(page)s of %(pages)s")
    text = unescape(strip_tags(rendered.body)) + rendered.heading + conference.title
    missing = uncovered(text)
    if missing:
        raise MinutesUncoverable(
            _(
                "The PDF cannot show these characters with the fonts installed: %(chars)s. "
                "Install a font that covers them (Debian: fonts-noto-core), or read the minutes as HTML."
            )
            % {"chars": " ".join(f"{c} (U+{ord(c):04X})" for c in missing)}
        )
    fonts = available_fonts()
    pdf = MinutesDocument(title=conference.title, page_label=page_label)
    pdf.set_title(rendered.heading)
    pdf.set_lang(language)
    for font in fonts:
        pdf.add_font(font.family, "", str(font.regular))
        pdf.add_font(font.family, "B", str(font.bold or font.regular))
    pdf.set_fallback_fonts([font.family for font in fonts[1:]], exact_match=False)
    # Without shaping, Arabic letters would stand apart in their isolated forms.
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(18, 15, 18)
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    pdf.write_html(
        f"<h1>{escape(rendered.heading)}</h1>{rendered.body}",
        font_family="DejaVu",
        li_prefix_color=(0, 0, 0),
        table_line_separators=True,
        tag_styles={
            # Quoted clauses are indented as on the page, in the text colour, not fpdf2's default.
            "blockquote": TextStyle(font_style="", color="#444444", l_margin=10, t_margin=1, b_margin=2),
        },
    )
    return bytes(pdf.output())
