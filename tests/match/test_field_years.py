"""Role fit reads the years in the field, not every year of work (issue 11).

Invented resumes of four shapes: a career changer into data, an academic with research
appointments, an engineer promoted to manager, and a junior with a long past outside tech.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.api import analyze_text

AS_OF = dt.date(2026, 6, 30)

CAREER_CHANGER = """Helena Marsh
Data Analyst

Experience
Data Analyst, Brightwater Logistics (Jan 2024 - Present)
- Built weekly dashboards in Tableau and Power BI from SQL queries on PostgreSQL.
- Cleaned shipment data with Python and pandas; regression and hypothesis testing for pricing.
Senior Accountant, Keller & Finch LLP (Mar 2016 - Dec 2023)
- Closed the monthly books, prepared statutory accounts and led the year-end audit.
- Reconciled ledgers in Excel; payroll, accounts payable and VAT returns.
Accounts Assistant, Keller & Finch LLP (Sep 2014 - Feb 2016)
- Invoicing, bank reconciliations and expense claims.

Skills
SQL, Python, pandas, Tableau, Power BI, Excel, statistics, data visualization, communication

Education
BA Accounting and Finance, University of Leeds
Google Data Analytics Certificate
"""

ACADEMIC = """Dr. Tobias Wren
Research Fellow

Experience
Research Fellow, Institute of Marine Ecology (Oct 2021 - Present)
- Field surveys of seagrass meadows; grant writing; supervised two PhD students.
Postdoctoral Researcher, University of Galway (Sep 2018 - Sep 2021)
- Led a three-year survey of coastal habitats and wrote the project reports.
Doctoral Researcher, University of Galway (Sep 2014 - Aug 2018)
- Thesis on nutrient cycles in estuaries; taught undergraduate labs.

Publications
- Wren T. et al. Seagrass recovery after storms. Marine Ecology Letters, 2022.
- Wren T. Estuary nutrient budgets. Journal of Coastal Research, 2019.

Skills
R, statistics, Python, machine learning, scientific writing

Education
PhD Marine Biology, University of Galway
"""

PROMOTED_MANAGER = """Daniel Okafor
Engineering Manager

Experience
Engineering Manager, Quillstone (Jan 2022 - Present)
- Managed a team of 8 machine learning engineers; hired four; direct reports across two squads.
- Owned the roadmap for model serving with Kubernetes, MLflow and AWS.
Senior Machine Learning Engineer, Quillstone (Mar 2018 - Dec 2021)
- Trained ranking models with PyTorch and scikit-learn; deployed them with Docker on AWS.
Software Engineer, Corvane Systems (Jun 2013 - Feb 2018)
- Built REST APIs in Python and Java on PostgreSQL; CI/CD with Jenkins.

Skills
Python, PyTorch, scikit-learn, MLOps, Kubernetes, Docker, AWS, machine learning, leadership,
stakeholder management, communication

Education
MSc Computer Science, University of Manchester
"""

JUNIOR_LONG_PAST = """Sofia Lindgren
Junior Data Analyst

Experience
Junior Data Analyst, Pellow Retail (Sep 2025 - Present)
- SQL reports on sales and returns; dashboards in Power BI; Python scripts for data cleaning.
Store Manager, Pellow Retail (Apr 2014 - Aug 2025)
- Managed a team of 12 sales associates; hired and trained new staff; rota planning.
- Ran stock counts and visual merchandising; met quarterly sales targets.
Sales Associate, Pellow Retail (Jun 2009 - Mar 2014)
- Customer service at the tills; stock replenishment.

Skills
SQL, Python, Power BI, Excel, data cleaning, leadership, customer service

Education
Data Analytics Bootcamp, Northcoders
"""

UNDATED = """Ravi Menon
Data Analyst

Summary
Data analyst with 6+ years of experience in SQL reporting and dashboards.

Skills
SQL, Python, Tableau, Excel, statistics

Education
BSc Economics, University of Kent
"""

RUNGS = ("lead-data-scientist", "ml-engineering-manager", "head-of-ai", "ai-architect")


def _report(text: str):
    return analyze_text(text, "resume.txt", AS_OF)


def test_field_years_career_changer_is_not_over_experienced_for_data_analyst():
    report = _report(CAREER_CHANGER)
    profile = report.profile
    assert profile.total_years is not None and profile.total_years > 11
    assert profile.years_in_field() == pytest.approx(2.5, abs=0.1)
    analyst = report.role("data-analyst")
    experience = analyst.component("experience")
    # 2.5 analyst years are under the 6 the role is typical for: no over-experience penalty.
    assert "above the" not in experience.detail
    assert "2.5 years in the field (of" in experience.detail
    # Over 12 years of work would have taken every experience point: 1 - (12 - 6) / 6 <= 0.
    assert experience.value == analyst.component("required").value
    assert report.roles[0].id == "data-analyst"


def test_field_years_career_changer_gets_no_rung_from_accounting_years():
    report = _report(CAREER_CHANGER)
    lead = report.role("lead-data-scientist")
    assert lead.gate_evidence <= 0.6
    assert "in the field" in lead.component("rung").detail
    assert report.roles[0].id not in RUNGS


def test_field_years_research_appointments_count_for_research_roles_only():
    profile = _report(ACADEMIC).profile
    total = profile.total_years
    assert total is not None and total > 11
    assert profile.years_in_field("research") == total
    assert profile.years_in_field() < total
    report = _report(ACADEMIC)
    scientist = report.role("ml-research-scientist").component("experience")
    assert "in the field" not in scientist.detail or "above" not in scientist.detail


def test_field_years_engineer_promoted_to_manager_keeps_every_year():
    report = _report(PROMOTED_MANAGER)
    profile = report.profile
    assert profile.years_in_field() == profile.total_years
    assert profile.years_in_field("leadership") == profile.total_years
    manager = report.role("ml-engineering-manager")
    assert manager.gate_evidence == 1.0
    assert manager.component("rung").contribution == 0


def test_field_years_junior_with_a_long_past_is_junior_for_rungs():
    report = _report(JUNIOR_LONG_PAST)
    profile = report.profile
    assert profile.total_years is not None and profile.total_years > 16
    assert profile.years_in_field() < 1.0
    assert report.roles[0].id not in RUNGS
    manager = report.role("ml-engineering-manager")
    # A store manager's team and hiring are scope phrases, but under two known years in the field
    # the rung evidence stays at the level cap.
    assert manager.gate_evidence <= 0.6
    analyst = report.role("data-analyst").component("experience")
    assert "above the" not in analyst.detail


def test_field_years_undated_resume_behaves_as_before():
    profile = _report(UNDATED).profile
    assert profile.field_years == ()
    assert profile.years_in_field() == profile.total_years == 6.0
    assert profile.years_in_field("research") == 6.0


@pytest.mark.parametrize(
    "text", [CAREER_CHANGER, ACADEMIC, PROMOTED_MANAGER, JUNIOR_LONG_PAST, UNDATED]
)
def test_field_years_every_score_recomputes_from_its_components(text):
    for fit in _report(text).roles:
        assert round(sum(c.contribution for c in fit.components), 1) == fit.score


def test_field_years_report_shows_both_figures():
    report = _report(CAREER_CHANGER)
    assert ", 2.5 in technical, data or ML work" in report.profile.years_summary()


def test_field_years_seniority_reads_the_years_in_the_field():
    # Issue 11: seniority, role fit and posting fit read one figure. A senior accountant who has
    # been a data analyst for 2.5 years is mid on this ladder, not senior on 12 years of work.
    profile = _report(CAREER_CHANGER).profile
    assert profile.seniority == "mid"
    assert profile.seniority_reason.startswith("2.5 years in the field;")


def test_field_years_a_title_outside_the_field_states_no_rung():
    # The store manager's "Manager" is not a rung of the ML ladder: the latest position is the
    # analyst one here, and a manager title outside the field would not count either.
    first, _, rest = JUNIOR_LONG_PAST.partition("Junior Data Analyst, Pellow Retail")
    text = first + rest.split("\n", 2)[2]  # the analyst job and its bullet taken out
    profile = _report(text).profile
    assert profile.years_in_field() == 0.0
    assert profile.seniority == "entry"
    assert "title outside the field" in profile.seniority_reason


DATA_ENTRY = """Marisol Quintero
Data Entry Operator

Experience
Data Entry Operator, Brookfield Insurance (Feb 2019 - Present)
- Keyed 400 claim forms a day into the claims system; checked totals against source documents.
Data Collection Assistant, Northgate Surveys (Jan 2016 - Jan 2019)
- Phoned households for the monthly survey and entered the answers.

Skills
Excel, data entry, typing 70 wpm, customer service

Education
High School Diploma, Riverside High School
"""


def test_field_years_clerical_data_titles_are_not_the_field():
    # "Data" in a clerical title (O*NET 43-9021, 43-4111) is neither years in the field nor a
    # data-analyst title, and its seven years make no rung.
    report = _report(DATA_ENTRY)
    profile = report.profile
    assert profile.total_years is not None and profile.total_years > 7
    assert profile.years_in_field() == 0.0
    assert profile.seniority == "entry"
    assert report.role("data-analyst").component("title").value == 0
    assert report.roles[0].id not in RUNGS
