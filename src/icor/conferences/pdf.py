"""The minutes as PDF, in a Unicode font so that names in every script render."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from icor.conferences.minutes import Minutes
from icor.statute import SOURCE

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def _font_dir() -> Path:
    for directory in FONT_DIRS:
        if (directory / "DejaVuSans.ttf").exists():
            return directory
    raise RuntimeError("The DejaVu fonts are needed for PDF minutes (Debian: apt install fonts-dejavu-core).")


class MinutesDocument(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.cell(0, 8, f"{self.page_no()}", align="C")


def render_pdf(minutes: Minutes) -> bytes:
    conference = minutes.conference
    fonts = _font_dir()
    pdf = MinutesDocument(format="A4")
    pdf.set_title(f"Minutes: {conference.title}")
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()

    def heading(text: str, size: int = 13) -> None:
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)

    def line(text: str, size: int = 10) -> None:
        pdf.set_font("DejaVu", "", size)
        pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    heading(f"Minutes: {conference.title}", 16)
    place = "online" if conference.online and not conference.place else conference.place
    line(
        f"{conference.get_kind_display()} · {conference.scope} · {place} · {conference.starts_on} to {conference.ends_on}"
    )
    line(f"Decisions by the rules of the {SOURCE}.", 8)
    pdf.ln(3)

    heading("Attendance")
    for row in minutes.presence:
        organization = row.delegation.organization
        line(f"{organization.name} ({organization.short_name}, {organization.country.name})")
        line("  Delegates: " + (", ".join(row.delegates) or "—"), 9)
        stays = "; ".join(
            f"{start:%Y-%m-%d %H:%M} to {end:%H:%M}" if end else f"{start:%Y-%m-%d %H:%M} onwards"
            for start, end in row.stays
        )
        line("  Present: " + (stays or "not checked in"), 9)
    pdf.ln(3)

    heading("Decisions")
    for decision in minutes.decisions:
        motion = decision.motion
        heading(f"{motion.agenda_item.position}. {motion.title}", 12)
        line(
            f"Kind: {motion.kind} · submitted by {motion.organization.short_name} · state: {motion.state}", 9
        )
        if decision.cosponsors:
            line("Co-sponsors: " + ", ".join(decision.cosponsors), 9)
        for procedure in decision.procedures:
            line(f"{procedure.name}, opened {procedure.opened_at:%Y-%m-%d %H:%M} UTC: {procedure.result}")
            if procedure.outcome:
                line(f"  {procedure.figures}", 9)
                line(f"  {procedure.outcome['explanation']}", 9)
                line(f"  Rule {procedure.outcome['rule']}: “{procedure.outcome['clause']}”", 8)
            for label, entries in (
                ("Reservation", procedure.reservations),
                ("Objection", procedure.objections),
            ):
                for entry in entries:
                    line(f"  {label} of {entry['organization']}: {entry['text']}", 9)
            if procedure.named_votes:
                line("  Votes: " + ", ".join(f"{org} {choice}" for org, choice in procedure.named_votes), 9)
        pdf.ln(2)
    heading(gettext("Audit checkpoint"))
    if checkpoint := minutes.checkpoint:
        line(
            gettext("When the conference closed (%(written)s), the audit record ended at link #%(sequence)s.")
            % {"written": checkpoint.written_at, "sequence": checkpoint.sequence}
        )
        line(gettext("Link check: %(hash)s") % {"hash": checkpoint.hash}, 8)
        line(gettext("Signature (Ed25519): %(signature)s") % {"signature": checkpoint.signature}, 8)
        line(gettext("Public key: %(key)s") % {"key": checkpoint.public_key}, 8)
    else:
        line(gettext("The checkpoint is written when the conference closes."))
    return bytes(pdf.output())
