"""`icor decide`: one JSON object on stdout and status 0, or one line on stderr and status 2."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from icor.statute.command import main

SRC = Path(__file__).resolve().parents[2] / "src"


def decide(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("\n") == 1
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def refuse(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("icor decide: error: ")
    assert err.count("\n") == 1
    return err


def test_founding_document_adopted_with_exactly_80_percent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """S4: 80 of 100 after the discussion is adopted."""
    data = decide(capsys, "founding-document", "--yes", "80", "--no", "20", "--present", "100", "--discussed")
    assert data["outcome"] == "adopted"
    assert data["kind"] == "founding-document"
    assert data["procedure"] == "vote"
    assert data["rule"] == "S4"
    assert data["share"] == {"fraction": "4/5", "percent": "80 %"}
    assert "80 percent of the votes of the delegates present" in str(data["clause"])


def test_founding_document_rejected_below_80_percent(capsys: pytest.CaptureFixture[str]) -> None:
    """S4: 79 of 100 is rejected."""
    data = decide(capsys, "founding-document", "--yes", "79", "--present", "100", "--discussed")
    assert data["outcome"] == "rejected"


def test_founding_document_not_ready_without_discussed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """S4: no vote before the extensive discussion is concluded."""
    data = decide(capsys, "founding-document", "--yes", "100", "--present", "100")
    assert data["outcome"] == "not_ready"


def test_principled_vote_is_not_voteable(capsys: pytest.CaptureFixture[str]) -> None:
    """S3: the command answers, with status 0, that it cannot be voted on."""
    data = decide(capsys, "principled", "--yes", "10")
    assert data["outcome"] == "not_voteable"
    assert data["clause"] == (
        "Principled ideological questions and fundamental political issues are not subject to a vote."
    )


def test_consensus_with_objections_and_present(capsys: pytest.CaptureFixture[str]) -> None:
    """S2: --objections selects the consensus procedure."""
    reached = decide(capsys, "principled", "--objections", "0", "--present", "4")
    blocked = decide(capsys, "current-affairs", "--objections", "1", "--present", "4")
    assert (reached["outcome"], reached["procedure"]) == ("adopted", "consensus")
    assert (blocked["outcome"], blocked["procedure"]) == ("no_consensus", "consensus")


def test_missing_vote_options_count_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """S5, S6: only abstentions is 0 = 0, parity, rejected."""
    data = decide(capsys, "current-affairs", "--abstain", "3")
    assert data["outcome"] == "rejected"
    assert data["rule"] == "S6"
    assert data["figures"] == {
        "yes": 0,
        "no": 0,
        "abstain": 3,
        "present": None,
        "not_voting": None,
        "votes_per_delegation": 1,
    }


def test_simple_majority_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """S5: yes above no adopts."""
    data = decide(capsys, "current-affairs", "--yes", "3", "--no", "2", "--abstain", "9")
    assert (data["outcome"], data["rule"]) == ("adopted", "S5")
    assert set(data) >= {"figures", "share", "required", "explanation"}


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        ([], "the following arguments are required: KIND"),
        (["constitutional", "--yes", "1"], "invalid choice: 'constitutional'"),
        (["current-affairs"], "give --objections N (consensus) or --yes/--no/--abstain N"),
        (["current-affairs", "--yes", "1", "--objections", "0"], "give either --objections"),
        (["current-affairs", "--objections", "0"], "consensus needs --present N"),
        (["current-affairs", "--yes", "x"], "argument --yes: expected a whole number"),
        (["current-affairs", "--yes", "-1"], "expected a whole number of at least 0, got '-1'"),
        (["current-affairs", "--no", "1.5"], "argument --no: expected a whole number"),
        (["current-affairs", "--abstain", "1_0"], "argument --abstain: expected a whole"),
        (["current-affairs", "--yes", "5", "--present", "4"], "more votes cast than present"),
        (["founding-document", "--yes", "3", "--discussed"], "needs present"),
        (["principled", "--objections", "0", "--present", "0"], "at least one delegation"),
        (["current-affairs", "--yes", "1", "--bogus"], "unrecognized arguments: --bogus"),
        (["current-affairs", "--disc", "--yes", "1"], "unrecognized arguments: --disc"),
        (["current-affairs", "--yes"], "argument --yes: expected one argument"),
    ],
)
def test_invalid_input_is_one_line_on_stderr_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    assert reason in refuse(capsys, *argv)


def test_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    assert "usage: icor decide" in capsys.readouterr().out


def test_runs_as_a_module(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["icor decide", "current-affairs", "--yes", "1"])
    monkeypatch.delitem(sys.modules, "icor.statute.command")
    with pytest.raises(SystemExit) as exit_:
        runpy.run_module("icor.statute.command", run_name="__main__")
    assert exit_.value.code == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "adopted"


def test_runs_as_a_separate_process() -> None:
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    argv = ["founding-document", "--yes", "4", "--no", "1", "--present", "5", "--discussed"]
    done = subprocess.run(
        [sys.executable, "-m", "icor.statute.command", *argv],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert json.loads(done.stdout)["outcome"] == "adopted"
    failed = subprocess.run(
        [sys.executable, "-m", "icor.statute.command", "founding-document", "--yes", "x"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert (failed.returncode, failed.stdout) == (2, "")
