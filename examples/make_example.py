"""Writes examples/foi-1187-draft.docx: a realistic draft PIT with the faults pitlint exists to
catch. Run from the repository root: python examples/make_example.py"""

from __future__ import annotations

import sys
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.docxmaker import add_bold_heading, add_deletion, add_insertion

OUT = Path(__file__).with_name("foi-1187-draft.docx")


def build(path: Path = OUT) -> Path:
    document = docx.Document()
    document.core_properties.author = "J. Smith (FOI Decision Maker)"
    document.core_properties.comments = ""
    document.add_heading("West Midlands Police – Public Interest Test – FOI 1187/26", level=1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Request:"
    table.cell(
        0, 1
    ).text = "The make and model of the drones used by the force, and the software that processes their footage."
    table.cell(1, 0).text = "Date:"
    table.cell(1, 1).text = "[insert date]"

    document.add_heading("Applicable exemption", level=2)
    document.add_paragraph("Section 31(3) Law enforcement")

    document.add_heading("Harm in confirming or denying that information is held", level=2)
    document.add_paragraph(
        "To confirm or deny whether West Midlands Police uses a particular make of drone would identify "
        "the capability of the force's air support. To disclose the withheld information could identify "
        "vulnerable computer systems or provide information which would be useful to offenders."
    )
    harm = document.add_paragraph(
        "Thames Valley Police would not wish to reveal details of equipment that would negatively impact on "
        "the tactics used by the force."
    )
    add_deletion(harm, " The footage is kept on the Axon cloud for 31 days.")

    add_bold_heading(document, "Factors favouring confirming or denying that information is held")
    document.add_paragraph(
        "Confirming that information exists relevant to this request would lead to a better informed public "
        "about the use of drones over their communities."
    )
    add_bold_heading(document, "Factors against confirming or denying that information is held")
    against = document.add_paragraph(
        "The Police Service is charged with enforcing the law, preventing and detecting crime and protection "
        "the communities we serve. A copy of the national policy can be found at "
        "http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf"
    )
    add_insertion(against, " and it remains in force.")
    comment_on = document.add_paragraph("Offenders could use the information to avoid detection by air support.")
    document.add_comment(
        comment_on.runs, text="Check this with the drone unit before it goes out - JS", author="J. Smith"
    )

    document.add_heading("Conclusion", level=2)
    document.add_paragraph(
        "Therefore, at this moment in time, it is our opinion that for these issues the balance test favours "
        "neither confirming nor denying that information is held."
    )
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
