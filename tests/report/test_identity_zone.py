"""The identity zone: a name the finder ranks wrong, or reads only in part, still does not leak.

Invented people and text. The first lines' words that no word list knows are masked as well:
capitalised ones where written as a name, a lower-case one standing alone (a handle) in any case.
Places, spoken languages, prose and a name an e-mail confirms keep the zone out.
"""

from __future__ import annotations

from resume_fit.parse.resume_text import ResumeText
from resume_fit.report.identity import find_identity
from resume_fit.report.redact import redact_text

BODY = """
Experience
Data Engineer | Orbit Labs | 2021 - Present
- Built Python and SQL pipelines on AWS
Education
BSc Computer Science, University of Leeds, 2018
"""


def _identity(text: str, source: str = "cv.txt"):
    return find_identity(ResumeText(source, "text", text))


def _read(text: str, source: str = "cv.txt") -> frozenset[str]:
    identity = _identity(text, source)
    return identity.name_tokens | identity.capitalised_tokens


def test_zone_reads_a_name_split_after_a_title_on_the_first_line():
    identity = _identity("Data Scientist Thandiwe\nNgcobo\n+27 21 555 0134\n" + BODY)
    assert {"thandiwe", "ngcobo"} <= identity.name_tokens | identity.capitalised_tokens
    masked = redact_text("Thandiwe Ngcobo tuned the Spark jobs; NGCOBO wrote the tests.", identity)
    assert "Thandiwe" not in masked and "Ngcobo" not in masked and "NGCOBO" not in masked
    assert "Spark jobs" in masked


def test_zone_reads_a_lone_given_name_and_a_handle_on_its_own_line():
    read = _read("Resume\nThandiwe\n+27 21 555 0134\nthandi_codes\n" + BODY)
    assert {"thandiwe", "thandi"} <= read
    assert "codes" not in read  # an ordinary word of the handle stays a word


def test_zone_masks_a_lower_case_handle_in_any_case_but_a_capitalised_word_only_as_a_name():
    identity = _identity("Thandiwe Ngcobo\nSenior Analyst\nzorvexa\nKwelera Partners\n" + BODY)
    assert "zorvexa" in identity.name_tokens
    assert "kwelera" in identity.capitalised_tokens
    assert "[name]" in redact_text("see zorvexa on the forum", identity)
    assert "Kwelera" not in redact_text("Kwelera shipped it", identity)
    # In a match report's posting a lone capitalised word is the posting's, not the person's.
    kept = redact_text("Kwelera is hiring", identity, protect=identity.capitalised_tokens)
    assert kept == "Kwelera is hiring"


def test_zone_leaves_places_spoken_languages_and_prose_alone():
    text = (
        "Data Scientist Thandiwe\nNgcobo\n+27 21 555 0134 | Umhlanga, South Africa\n"
        "Languages: Portuguese, Afrikaans\n"
        "Builds demand forecasts with gradient boosting for ecommerce teams at Zylofresh and more\n"
        "skilled in quibblemath and other tools\n" + BODY
    )
    read = _read(text)
    assert {"thandiwe", "ngcobo"} <= read
    assert not {"umhlanga", "portuguese", "afrikaans", "zylofresh", "quibblemath"} & read


def test_zone_is_not_read_when_an_e_mail_confirms_the_name():
    read = _read("Kwelera Partners\nThandiwe Ngcobo\nthandiwe.ngcobo@example.com\n" + BODY)
    assert {"thandiwe", "ngcobo"} <= read
    assert "kwelera" not in read


def test_zone_follows_the_name_below_a_side_column():
    sidebar = "Contact\n+27 21 555 0134\nSkills\nPython\nSQL\nDocker\nStatistics\nTableau\nGit\n"
    read = _read(sidebar + "Thandiwe Ngcobo\nData Engineer\nzorvexa\n" + BODY)
    assert {"thandiwe", "ngcobo", "zorvexa"} <= read


def test_a_file_name_word_the_document_writes_is_a_name_word_wherever_it_is():
    text = "Maya Lindqvist\nData Engineer\n" + BODY + "Projects\nqzorvath/forecast-kit on GitHub\n"
    assert "qzorvath" in _read(text, "qzorvath_resume.pdf")
    # A file name naming a job, not a person, gives no name words.
    assert not {"account", "manager"} & _read(text + "Account manager\n", "account_manager_cv.pdf")


# A longer body: a header text box read after it is then among the last lines, not the first.
# Two pages of text: more lines than the finder scans from the top (``scan_lines``).
LONG_BODY = (
    "Summary\nData engineer who builds batch and streaming pipelines.\n"
    + BODY
    + "".join(f"- Moved feed {n} from nightly batch to streaming ingestion\n" for n in range(40))
    + "Projects\nWarehouse migration to Snowflake\nStreaming ingestion with Kafka\n"
    "Certifications\nAWS Certified Data Engineer\n"
)


def test_a_header_box_read_after_the_body_gives_the_name():
    # pdfminer reads a header drawn in a shape or a table after the body text.
    text = LONG_BODY + "Thandiwe Ngcobo\n+27 21 555 0134 | Umhlanga, South Africa\n"
    identity = _identity(text)
    assert {"thandiwe", "ngcobo"} <= identity.name_tokens | identity.capitalised_tokens
    masked = redact_text("Reviewed by Thandiwe Ngcobo.", identity)
    assert "Thandiwe" not in masked and "Ngcobo" not in masked


def test_a_header_box_read_last_with_a_handle_and_no_phone():
    text = LONG_BODY + "Thandiwe Ngcobo\nzorvexa\nData Engineer\n"
    read = _read(text)
    assert {"thandiwe", "ngcobo", "zorvexa"} <= read
    # The body's own words are no name: skills, headings, employers' ordinary words.
    assert not {"snowflake", "kafka", "warehouse", "summary", "projects"} & read


def test_the_first_line_still_outranks_a_closing_line():
    text = "Thandiwe Ngcobo\n+27 21 555 0134\n" + LONG_BODY + "Kwelera Mbatha\nReferee\n"
    identity = _identity(text)
    read = identity.name_tokens | identity.capitalised_tokens
    assert {"thandiwe", "ngcobo"} <= read
    # A referee's name in the closing lines is masked as well: a blind report names no one.
    assert "Mbatha" not in redact_text("Mbatha signed off.", identity)
