"""Generic drafts: mostly reused wording, or arguments that never mention the request."""

from __future__ import annotations

from pathlib import Path

from pitlint.config import Config
from pitlint.engine import check
from pitlint.readers import read
from pitlint.reuse.text import passages
from tests.conftest import SEEDS

WRITTEN_FOR_ITS_REQUEST = """Request: the make and model of drones used by the force.

Harm

Naming the make of drone would be likely to prejudice the prevention of crime, because offenders could look
up its flight time and camera range and plan around them.

Factors favouring disclosure

The public would see how the force spends money on drones and whether the models chosen are good value.

Factors against disclosure

Knowing the models would let offenders judge when the drones cannot fly, for example in high wind.

Balancing Test

The public interest in seeing drone spending is real, but it is outweighed by the risk that offenders plan
around the drones' limits. Therefore the balance test favours non-disclosure.
"""


def _generic(path: Path, **settings) -> list:
    (report,) = check([path], Config(select=("generic",), **settings)).files
    return report.findings


def _copied_draft(path: Path) -> Path:
    """A draft stitched together from the seeds' sentences under the usual headings."""
    sentences = [
        p.text[s.start : s.end] for key in ("001", "004") for p in read(SEEDS[key]).paragraphs for s in passages(p.text)
    ]
    path.write_text(
        "Request: the software used by the force.\n\nHarm\n\n" + " ".join(sentences[:6]) + "\n\n"
        "Factors favouring disclosure\n\n" + " ".join(sentences[6:10]) + "\n\n"
        "Factors against disclosure\n\n" + " ".join(sentences[10:20]) + "\n\n"
        "Balancing Test\n\n" + " ".join(sentences[20:30]) + "\n",
        encoding="utf-8",
    )
    return path


def test_a_mostly_copied_draft_is_generic(tmp_path: Path):
    draft = _copied_draft(tmp_path / "copied.txt")
    (finding,) = _generic(draft)
    assert (finding.rule.code, finding.rule.name, finding.severity.value) == ("PIT303", "mostly-reused", "warning")
    assert finding.location is None and finding.excerpt == ""
    assert finding.message.endswith(
        "of this draft is wording reused from issued PITs (threshold 70%): the arguments "
        "may not be specific to this request."
    )
    share = int(finding.message.split("%")[0])
    assert 90 <= share <= 100
    assert _generic(draft, generic_threshold=1.0) == []


def test_a_draft_written_for_its_request_is_not_generic(tmp_path: Path):
    draft = tmp_path / "tailored.txt"
    draft.write_text(WRITTEN_FOR_ITS_REQUEST, encoding="utf-8")
    assert _generic(draft) == []
    (report,) = check([draft], Config()).files
    assert report.findings == [] and report.reused_fraction == 0.0


def test_arguments_that_never_mention_the_request(tmp_path: Path):
    draft = tmp_path / "elsewhere.txt"
    draft.write_text(
        WRITTEN_FOR_ITS_REQUEST.replace(
            "Request: the make and model of drones used by the force.",
            "Request: the number of tasers issued to officers.",
        ),
        encoding="utf-8",
    )
    (finding,) = _generic(draft)
    assert (finding.rule.code, finding.severity.value) == ("PIT304", "info")  # a prompt to look
    assert finding.message == (
        "The harm and the factors never mention what was requested (tasers, issued, officers): the arguments read "
        "as generic."
    )
    assert (
        finding.suggestion == "Say what disclosing information about tasers would do, in the harm and in the factors."
    )
    # a text cut before its factors is not judged
    cut = draft.read_text(encoding="utf-8").split("Factors favouring")[0]
    draft.write_text(cut, encoding="utf-8")
    assert _generic(draft) == []
