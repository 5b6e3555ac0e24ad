"""Minutes: an exact record of positions, votes, amendments, figures, clauses and attendance (HTML, PDF)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream

from icor.accounts.models import User
from icor.conferences import services
from icor.conferences.minutes import minutes
from icor.conferences.models import Conference
from icor.conferences.pdf import MinutesUncoverable, render_minutes, render_pdf
from icor.debate import services as debate
from icor.statute import CLAUSES, Rule
from tests.conferences.conftest import browser, motion_in_discussion, seats
from tests.factories import make_delegation, make_organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(conference: Conference, committee: User) -> Conference:
    """A consensus round (agree, stand aside, one silent), an amended motion, a named ballot."""
    russian = make_organization(name="Революционная рабочая партия", country="RU")
    make_delegation(conference, russian)
    a, b = seats(conference, 2)
    principled = motion_in_discussion(
        conference, committee, a, kind="principled", title="On internationalism"
    )
    amendment = debate.propose_amendment(
        motion=principled, actor=b.voter, proposed_text="The conference affirms internationalism."
    )
    debate.adopt_amendment(amendment=amendment, actor=committee, note="taken up")
    second = debate.propose_amendment(
        motion=principled, actor=b.voter, proposed_text="The conference affirms it once more."
    )
    debate.reject_amendment(amendment=second, actor=committee)
    consensus_round = services.open_consensus_round(motion=principled, actor=committee)
    services.state_position(consensus_round=consensus_round, actor=a.voter, position="agree")
    services.state_position(
        consensus_round=consensus_round, actor=b.voter, position="stand_aside", statement="Wording of §2."
    )
    services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    current = motion_in_discussion(conference, committee, a, title="Solidarity with Kobanê")
    ballot = services.open_ballot(motion=current, actor=committee)
    services.cast_vote(ballot=ballot, actor=a.voter, choice="yes")
    services.close_ballot(ballot=ballot, actor=committee)
    return conference


def test_a_silent_delegation_is_recorded_as_not_stated_never_as_agreeing(decided: Conference) -> None:
    """S2: silence raises no objection, but the minutes say it was silence."""
    consensus = minutes(decided).decisions[0].procedures[0]
    assert consensus.outcome is not None and consensus.outcome["rule"] == "S2"
    assert consensus.figures == (
        "agree 1 · stand aside 1 · objections 0 · not stated 1 · delegations present 3"
    )
    assert [p.organization_name for p in consensus.not_stated] == ["Революционная рабочая партия"]
    assert sorted((p.position, p.statement) for p in consensus.stated) == [
        ("agree", ""),
        ("stand_aside", "Wording of §2."),
    ]
    assert "(S2)" in consensus.silence_rule
    assert consensus.silence_clause == CLAUSES[Rule.S2].text


def test_amendments_are_recorded_with_their_fate_and_versions(decided: Conference) -> None:
    decision = minutes(decided).decisions[0]
    assert [(a.number, a.fate, a.base_version, a.resulting_version) for a in decision.amendments] == [
        (1, "adopted", 1, 2),
        (2, "not taken up", 2, None),
    ]
    assert [v.number for v in decision.versions] == [1, 2]


def test_each_ballot_result_has_figures_votes_and_clause(decided: Conference) -> None:
    ballot = minutes(decided).decisions[1].procedures[0]
    assert ballot.figures.startswith("yes 1 · no 0 · abstain 0 · votes present 3 · not voting 2")
    assert ballot.named_votes and ballot.named_votes[0][1] == "yes"
    assert ballot.outcome is not None and ballot.outcome["rule"] == "S5"


def test_attendance_gives_arrival_and_departure(decided: Conference, committee: User) -> None:
    delegation = decided.delegations.first()
    assert delegation is not None
    services.check_out(delegation=delegation, actor=delegation.delegates.get().user)
    row = next(p for p in minutes(decided).presence if p.delegation == delegation)
    (arrived, left), *_ = row.stays
    assert left is not None and left >= arrived
    body = render_minutes(decided, "en").body
    assert f"{left:%Y-%m-%d %H:%M}" in body and "still present" in body


def test_the_minutes_page_is_printable_html(decided: Conference, committee: User) -> None:
    page = browser(committee).get(f"/conferences/{decided.pk}/minutes/").content.decode()
    assert "Solidarity with Kobanê" in page and "Wording of §2." in page
    assert "Not stated: RRP" in page or "Not stated: " in page
    assert "Amendment 1 of" in page and "giving version 2" in page
    assert CLAUSES[Rule.S2].text in page
    assert "Революционная рабочая партия" in page


def test_the_minutes_are_rendered_in_the_chosen_language(decided: Conference, committee: User) -> None:
    english = render_minutes(decided, "en")
    german = render_minutes(decided, "de")
    assert german.language == "de"
    # A string the German catalogue translates already; the others follow as they are translated.
    assert '<th scope="col" width="34%">Organization</th>' in english.body
    assert '<th scope="col" width="34%">Organisation</th>' in german.body
    page = browser(committee).get(f"/conferences/{decided.pk}/minutes/?lang=de").content.decode()
    assert "Organisation</th>" in page
    # The reader's own language is left as it was.
    assert translation.get_language() == "en-us" or translation.get_language().startswith("en")


def _pdf_text(document: bytes) -> tuple[list[str], str]:
    reader = PdfReader(io.BytesIO(document))
    # Table cells wrap long names over lines: compare with the whitespace made single.
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    return pages, " ".join(pages)


def test_the_pdf_holds_every_position_and_result_with_title_and_page_numbers(decided: Conference) -> None:
    pages, text = _pdf_text(render_pdf(decided, "en"))
    assert "Революционная рабочая партия" in text
    assert "Wording of §2." in text and "not stated" in text
    assert "stand aside 1" in text and "not stated 1" in text
    assert "Amendment 1 of" in text
    for number, page in enumerate(pages, start=1):
        assert decided.title in page
        assert f"Page {number} of {len(pages)}" in page


def test_the_pdf_draws_names_in_many_scripts(conference: Conference, committee: User) -> None:
    names = [
        "Türkiye Komünist Emek Partisi",
        "Κομμουνιστικό Κόμμα",
        "الحزب الشيوعي",
        "中国共产党革命派",
        "Революционная партия",
    ]
    for name in names:
        make_delegation(conference, make_organization(name=name))
    _, text = _pdf_text(render_pdf(conference, "en"))
    for name in names[:2] + names[3:]:
        assert name in text
    # Arabic is extracted in visual order by PDF readers; each of its letters is there.
    assert set(names[2].replace(" ", "")) <= set(text)


def test_a_character_no_font_covers_is_refused_never_dropped(conference: Conference) -> None:
    make_delegation(conference, make_organization(name="Linear B \U00010000 league"))
    with pytest.raises(MinutesUncoverable, match="U\\+10000"):
        render_pdf(conference, "en")


def test_the_pdf_route_refuses_with_a_message(conference: Conference, committee: User) -> None:
    make_delegation(conference, make_organization(name="Linear B \U00010000 league"))
    response = browser(committee).get(f"/conferences/{conference.pk}/minutes.pdf", follow=True)
    assert response.redirect_chain and "U+10000" in response.content.decode()


def test_the_pdf_route_serves_a_pdf(decided: Conference, committee: User) -> None:
    response = browser(committee).get(f"/conferences/{decided.pk}/minutes.pdf?lang=de")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_command_line_writes_the_minutes_in_a_language(decided: Conference, tmp_path: Path) -> None:
    output = tmp_path / "minutes.pdf"
    call_command("conferences", "minutes", str(decided.pk), "--lang", "de", "--output", str(output))
    _, text = _pdf_text(output.read_bytes())
    assert "Wording of §2." in text
    with pytest.raises(CommandError, match="unknown language"):
        call_command("conferences", "minutes", str(decided.pk), "--lang", "xx", "--output", str(output))


def test_wrapped_lines_of_the_pdf_keep_their_indent(conference: Conference, committee: User) -> None:
    a, b = seats(conference, 2)
    motion = motion_in_discussion(conference, committee, a, kind="principled")
    consensus_round = services.open_consensus_round(motion=motion, actor=committee)
    reservation = "reservation " * 40 + "END"
    services.state_position(
        consensus_round=consensus_round, actor=b.voter, position="stand_aside", statement=reservation
    )
    services.close_consensus_round(consensus_round=consensus_round, actor=committee)
    lines: list[tuple[float, str]] = []

    def visit(text: str, _cm: object, matrix: list[float], _font: object, _size: object) -> None:
        if text.strip():
            lines.append((round(matrix[4], 1), text.strip()))

    for page in PdfReader(io.BytesIO(render_pdf(conference, "en"))).pages:
        page.extract_text(visitor_text=visit)
    margin = min(x for x, _ in lines)
    wrapped = [x for x, text in lines if text.startswith("reservation") or text.startswith("END")]
    assert len(wrapped) >= 3 and all(x > margin + 5 for x in wrapped)
    quoted = [x for x, text in lines if text.startswith("“In the voting")]
    assert quoted and all(x > margin + 5 for x in quoted)


def _glyphs_drawn(document: bytes) -> list[str]:
    """The names of the glyphs each text operator of the PDF draws, in the order they are drawn."""
    reader = PdfReader(io.BytesIO(document))
    drawn: list[str] = []
    for page in reader.pages:
        fonts = {}
        for name, reference in page["/Resources"]["/Font"].items():
            descendant = reference.get_object()["/DescendantFonts"][0].get_object()
            embedded = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            order = TTFont(io.BytesIO(embedded)).getGlyphOrder()
            to_gid = descendant["/CIDToGIDMap"].get_object().get_data()
            fonts[name] = {
                cid: order[int.from_bytes(to_gid[2 * cid : 2 * cid + 2], "big")]
                for cid in range(len(to_gid) // 2)
            }
        names: dict[int, str] = {}
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                names = fonts[operands[0]]
            elif operator == b"Tj":
                codes = operands[0].original_bytes
                drawn += [names[int.from_bytes(codes[i : i + 2], "big")] for i in range(0, len(codes), 2)]
    return drawn


def test_arabic_letters_are_joined_in_the_pdf(conference: Conference) -> None:
    make_delegation(conference, make_organization(name="الحزب الشيوعي", country="EG"))
    drawn = _glyphs_drawn(render_pdf(conference, "en"))
    # Each letter in the form its place in the word asks for (Unicode's Arabic presentation forms,
    # as DejaVu Sans names them), in reading order: alef, lam initial, hah medial, zain final, beh ...
    joined = ["uni0627", "uniFEDF", "uniFEA4", "uniFEB0", "uni0628", "space"]
    joined += ["uni0627", "uniFEDF", "uniFEB8", "uniFEF4", "uniFEEE", "uniFECB", "uniFEF2"]
    # A right-to-left run is drawn from its left end: the last letter first.
    assert _contains(drawn, joined[::-1])
    # Unshaped, the name would be drawn letter by letter in isolated forms only (uni0644 = lam).
    assert "uni0644" not in drawn


def _contains(sequence: list[str], part: list[str]) -> bool:
    return any(sequence[i : i + len(part)] == part for i in range(len(sequence) - len(part) + 1))
