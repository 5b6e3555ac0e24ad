"""The minutes as PDF, in a Unicode font so that names in every script render."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from icor.conferences.minutes import Minutes
from icor.conferences.outcome_text import explanation
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
    pdf.set_title(gettext("Minutes: %(title)s") % {"title": conference.title})
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

    heading(gettext("Minutes: %(title)s") % {"title": conference.title}, 16)
    place = gettext("online") if conference.online and not conference.place else conference.place
    dates = gettext("%(start)s to %(end)s") % {"start": conference.starts_on, "end": conference.ends_on}
    line(f"{conference.get_kind_display()} · {conference.scope} · {place} · {dates}")
    line(gettext("Decisions by the rules of the %(source)s.") % {"source": SOURCE}, 8)
    pdf.ln(3)

    heading(gettext("Attendance"))
    for row in minutes.presence:
        organization = row.delegation.organization
        line(f"{organization.name} ({organization.short_name}, {organization.country.name})")
        line("  " + gettext("Delegates: %(names)s") % {"names": ", ".join(row.delegates) or "—"}, 9)
        stays = "; ".join(
            gettext("%(start)s to %(end)s") % {"start": f"{start:%Y-%m-%d %H:%M}", "end": f"{end:%H:%M}"}
            if end
            else gettext("%(start)s onwards") % {"start": f"{start:%Y-%m-%d %H:%M}"}
            for start, end in row.stays
        )
        line("  " + gettext("Present: %(stays)s") % {"stays": stays or gettext("not checked in")}, 9)
    pdf.ln(3)

    heading(gettext("Decisions"))
    for decision in minutes.decisions:
        motion = decision.motion
        heading(f"{motion.agenda_item.position}. {motion.title}", 12)
        line(
            gettext("Kind: %(kind)s · submitted by %(organization)s · state: %(state)s")
            % {
                "kind": motion.get_kind_display(),
                "organization": motion.organization.short_name,
                "state": motion.get_state_display(),
            },
            9,
        )
        if decision.cosponsors:
            line(gettext("Co-sponsors: %(names)s") % {"names": ", ".join(decision.cosponsors)}, 9)
        for procedure in decision.procedures:
            opened = f"{procedure.opened_at:%Y-%m-%d %H:%M}"
            line(
                gettext("%(procedure)s, opened %(opened)s UTC: %(result)s")
                % {"procedure": procedure.name, "opened": opened, "result": procedure.result}
            )
            if procedure.outcome:
                line(f"  {procedure.figures}", 9)
                line(f"  {explanation(procedure.outcome)}", 9)
                # The clause is quoted in the authoritative English text of the Founding Resolution.
                rule = gettext("Rule %(rule)s") % {"rule": procedure.outcome["rule"]}
                line(f"  {rule}: “{procedure.outcome['clause']}”", 8)
            for template, entries in (
                (gettext("Reservation of %(organization)s: %(text)s"), procedure.reservations),
                (gettext("Objection of %(organization)s: %(text)s"), procedure.objections),
            ):
                for entry in entries:
                    line("  " + template % {"organization": entry["organization"], "text": entry["text"]}, 9)
            if procedure.named_votes:
                votes = ", ".join(f"{org} {choice}" for org, choice in procedure.named_votes)
                line("  " + gettext("Votes: %(votes)s") % {"votes": votes}, 9)
        pdf.ln(2)
    return bytes(pdf.output())
