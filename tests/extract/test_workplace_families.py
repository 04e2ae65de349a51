"""The working vocabulary of five non-tech families (issue 10, class 7: non-tech recall):
teaching, HR and payroll, kitchens and hospitality, logistics and trucking, architecture and
construction (``education_teaching.toml``, ``hr_payroll_recruiting.toml``,
``culinary_hospitality.toml``, ``logistics_transport.toml``,
``architecture_construction_design.toml``). Invented sentences; a school leaver's exams, an
employer's name and wage garnishing stay what they are."""

from __future__ import annotations

from skill_tables import found_table

CASES = [
    # teaching
    (
        "experience",
        "Planned lessons with retrieval practice; tracked progress in SIMS and Arbor.",
        {"retrieval-practice": True, "sims": True, "arbor-mis": True},
    ),
    (
        "experience",
        "Wrote EHCP reviews with the SENCO; used Makaton and PECS with pupils.",
        {"education-health-and-care-plans": True, "makaton": True, "pecs": True},
    ),
    (
        "education",
        "Sat WASSCE in 2008 at a federal college; GCSEs in 2006.",
        {"waec": False, "gcse-teaching": False},
    ),
    # HR and payroll
    (
        "experience",
        "Handled PF, ESIC and gratuity compliance; payroll in greytHR and Darwinbox.",
        {"employees-provident-fund": True, "greythr": True, "darwinbox": True},
    ),
    (
        "experience",
        "Ran PAYE, RTI submissions and auto-enrolment in BrightPay.",
        {"paye": True, "hmrc-rti-submissions": True, "brightpay": True},
    ),
    (
        "experience",
        "Worked at Indeed.com as a data engineer on the search team.",
        {"indeed-recruiter": False},
    ),
    # kitchens and hospitality
    (
        "experience",
        "Ran the sauce section: mother sauces, sous vide proteins and laminated doughs.",
        {"sauce-making": True, "sous-vide": True, "laminated-doughs": True},
    ),
    (
        "experience",
        "Costed menus in MarketMan and Apicbase; bookings in ResDiary.",
        {"marketman": True, "apicbase": True, "resdiary": True},
    ),
    (
        "experience",
        "Processed wage garnishing and payroll deductions for 300 staff.",
        {"food-presentation": False},
    ),
    # logistics and trucking
    (
        "experience",
        "Booked loads on DAT and Truckstop; tracked trucks in Samsara and McLeod LoadMaster.",
        {"dat-load-board": True, "mcleod-loadmaster": True},
    ),
    (
        "experience",
        "Prepared air waybills and ISF filings in CargoWise.",
        {"cargowise": True, "isf-filing": True},
    ),
    # architecture and construction
    (
        "experience",
        "Construction documentation in ArchiCAD and Revit; renders in Enscape and Lumion.",
        {"construction-documentation": True, "enscape": True, "lumion": True},
    ),
    (
        "experience",
        "Managed RFIs, submittals and variations under JCT contracts.",
        {"requests-for-information": True, "construction-submittals": True},
    ),
    (
        "experience",
        "Analysis of rates and spreads for the ALM desk.",
        {"rate-analysis-for-civil-works": False},
    ),
    ("education", "MSc Data Science, University of Leeds, 2019", {"leed": False}),
]

test_workplace_families = found_table(CASES)
