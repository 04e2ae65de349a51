"""Names that are not evidence of use: employers, contact and link text, course providers,
degree subjects, headings, list labels and vague paraphrases (issue 10, classes 4-6)."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.lexicon import load_lexicon
from resume_fit.parse import parse_text


def _found(make_resume, *blocks: tuple[str, str]) -> set[str]:
    return {m.id for m in extract_skills(make_resume(*blocks), load_pipeline())}


def _found_in(text: str) -> set[str]:
    """The skill ids found in a whole plain-text resume, its own headings and all."""
    return {m.id for m in extract_skills(parse_text(text, "cv.txt"), load_pipeline())}


# (section kind, text, skill id, expected)
CASES = [
    # class 4: an employer is not the product
    ("experience", "Machine Learning Engineer at OpenAI, 2022 – present", "openai-api", False),
    ("experience", "Built a support assistant on the OpenAI API.", "openai-api", True),
    ("experience", "Senior Data Engineer · Salesforce", "salesforce", False),
    ("summary", "Ten years of data work at Atlassian, Stripe and Salesforce.", "salesforce", False),
    ("experience", "Integrated Salesforce with the billing system.", "salesforce", True),
    # a field closing an employer's name after "at" or "joined" is the name, not the field
    ("summary", "Four years as an engineer at Marlow Robotics in Leeds.", "robotics", False),
    ("summary", "Joined Teller Data Science as its second analyst.", "data-science", False),
    ("summary", "Worked at Fenwick on robotics and vision.", "robotics", True),
    ("summary", "Strong at Python and Robotics projects.", "robotics", True),
    # class 4: contact lines and link text are not evidence
    ("contact", "Jane Doe | jane.doe@example.com | LinkedIn | GitHub", "linkedin", False),
    ("contact", "Jane Doe | jane.doe@example.com | LinkedIn | GitHub", "github", False),
    ("projects", "GitHub: https://github.com/janedoe", "github", False),
    ("experience", "Reviewed pull requests on GitHub for the payments team.", "github", True),
    # a skill that looks like a domain or a run of dates or versions is no contact detail
    ("skills", "ASP.NET Core, VB.NET, GitHub, Docker", "github", True),
    ("skills", "Python 3.8 / 3.9 / 3.10, GitLab, Kaggle", "gitlab", True),
    ("experience", "Data Scientist, Acme, 01/2019 - 12/2021, Kaggle Grandmaster", "kaggle", True),
    ("contact", "Jane Doe | +44 7700 900123 | GitHub", "github", False),
    ("summary", "Jane Doe · github.com/janedoe · GitLab", "gitlab", False),
    # a site's name pointing at the person's page: "my GitHub", a profile, link text in brackets
    ("projects", "Churn model in scikit-learn (GitHub)", "github", False),
    ("projects", "Customer segmentation: see my LinkedIn profile for more", "linkedin", False),
    ("summary", "Code samples are on my GitHub.", "github", False),
    ("summary", "Send me a message through LinkedIn profile messages.", "linkedin", False),
    ("projects", "Hosted the team docs on GitHub Pages with a custom theme.", "github", True),
    ("experience", "Ran sponsored campaigns on LinkedIn for recruiting.", "linkedin", True),
    # class 4: a blog platform in an award line, a word glued into a compound
    ("awards", "Featured blogger on Tumblr, 2019", "tumblr", False),
    ("experience", "Spoke at the Data Micro-Conference in Leeds.", "micro", False),
    ("experience", "Built dashboards for the Sales team in Looker.", "sales", False),
    ("experience", "Measured gamma-ray data from two telescopes.", "ray", False),
    # class 5: a degree's subject is education, not a skill
    ("education", "B.Sc. Computer Science, University of Leeds, 2016", "computer-science", False),
    (
        "education",
        "B.Tech Electronics and Communication Engineering, 2014",
        "electrical-engineering",
        False,
    ),
    ("education", "Bachelor of Science in Mathematics, 2012", "mathematics", False),
    ("education", "Minor: Economics", "economics", False),
    ("experience", "Research assistant, Dept. of Physics, Leeds", "physics", False),
    (
        "education",
        "MSc Data Science, 2019 — thesis on deep learning for recommendation",
        "deep-learning",
        True,
    ),
    # class 6: vague paraphrases do not name the skill
    ("experience", "Wrote documentation and trained the support staff.", "documentation", False),
    ("experience", "Migrated an old Access database to Postgres.", "databases", False),
    ("summary", "Strong background in programming and algorithms.", "software-engineering", False),
    ("summary", "Strong background in programming and algorithms.", "data-structures", False),
    ("experience", "Led a team of four analysts.", "leadership", False),
    # class 6: a common word naming a group in a list label is not a skill; a specific one is
    ("skills", "Cloud & Infrastructure: AWS, Terraform", "cloud-computing", False),
    ("skills", "Automation & Scripting: Bash, Python", "shell-scripting", False),
    ("skills", "Data Engineering & Analytics: Spark, dbt", "data-engineering", True),
    # issue 11, class 4: an alias at the start of a university's or a body's name is the name
    (
        "education",
        "B.Tech Information Technology, VIT University, 2014 - 2018",
        "vision-transformers",
        False,
    ),
    ("education", "MSc Analytics, Ridgeback SAS Academy, 2019", "sas", False),
    (
        "experience",
        "Taught: Speech Recognition   University of Turin   graduate course",
        "speech-recognition",
        True,
    ),
    (
        "experience",
        "Fine-tuned ViT models for defect detection in PyTorch.",
        "vision-transformers",
        True,
    ),
    ("experience", "Wrote SAS macros and SQL for the credit risk models.", "sas", True),
    # issue 10: names of places, bodies and business units, and social handles
    ("education", "Licence in Linguistics, Aix-en-Provence, France, 2014", "aix", False),
    ("education", "Master in Phonetics, Aix-Marseille University, 2016", "aix", False),
    ("experience", "Administered AIX and Solaris hosts for the billing team.", "aix", True),
    ("interests", "Sound desk volunteer, H2O Church Bristol", "h2o-ai", False),
    ("experience", "Trained churn models with H2O AutoML.", "h2o-ai", True),
    ("experience", "Siemens Product Lifecycle Management, Plano TX", "product-lifecycle", False),
    (
        "experience",
        "Ran product lifecycle management for Siemens drives.",
        "product-lifecycle",
        True,
    ),
    (
        "experience",
        "Integrated a quoting tool into Salesforce CRM.",
        "customer-relationship-management",
        True,
    ),
    ("contact", "Jane Roe | jane.roe@example.org | Discord: janeroe", "discord", False),
    ("experience", "Ran the study group's Discord server for 300 students.", "discord", True),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_usage_evidence(make_resume, section, text, skill_id, expected):
    assert (skill_id in _found(make_resume, (section, text))) is expected


def test_usage_degree_subject_counts_when_also_used(make_resume):
    found = _found(
        make_resume,
        ("experience", "Taught computer science to first-year students."),
        ("education", "B.Sc. Computer Science, University of Leeds, 2016"),
    )
    assert "computer-science" in found


def test_usage_employer_counts_when_the_product_is_also_used(make_resume):
    found = _found(
        make_resume,
        (
            "experience",
            "Data Engineer at Snowflake, 2020 – 2023\nModelled marts in Snowflake with dbt.",
        ),
    )
    assert "snowflake" in found


@pytest.mark.parametrize(
    ("heading", "skill_id"),
    [("PUBLICATIONS", "academic-publishing"), ("RESEARCH EXPERIENCE", "research-methods")],
)
def test_usage_section_heading_is_never_evidence(heading, skill_id):
    text = f"Jane Doe\n\n{heading}\nWorked on sensor calibration with Python.\n"
    found = _found_in(text)
    assert skill_id not in found
    assert "python" in found


def test_usage_a_table_label_cell_above_its_list_is_a_label_not_a_skill():
    # A two-column skills table read cell by cell: the label cell sits alone above its items.
    found = _found_in(
        "Jane Doe\n\nTECHNICAL SKILLS\nDatabases\nPostgreSQL, MongoDB\n\n"
        "Visualization\nTableau, Power BI\n"
    )
    assert {"postgresql", "mongodb", "tableau", "power-bi"} <= found
    assert not {"databases", "data-visualization"} & found


def test_usage_a_generic_word_alone_in_a_one_item_a_line_list_is_still_an_item():
    assert "databases" in _found_in("Jane Doe\n\nSKILLS\nPython\nDatabases\nDocker\n")


@pytest.mark.parametrize("provider", ["coursera", "udemy", "edx", "datacamp"])
def test_usage_course_providers_are_not_skills(provider):
    assert provider not in load_lexicon()


@pytest.mark.parametrize(
    ("section", "text", "skill_id", "expected"),
    [
        ("experience", "Security workshop, Fort Meade, MD, May 2019", "markdown", False),
        ("skills", "Docs in MD and reStructuredText", "markdown", True),
        ("education", "M.Sc. Biomedical Engineering, 2015", "engineering", False),
        (
            "education",
            "Master of Research in Electrical Engineering, 2012",
            "electrical-engineering",
            False,
        ),
    ],
)
def test_usage_addresses_and_qualified_subjects(make_resume, section, text, skill_id, expected):
    assert (skill_id in _found(make_resume, (section, text))) is expected


def test_usage_degree_named_on_the_line_above(make_resume):
    resume = ("education", "BS\nState University, Computer Engineering\nSept 2014 – June 2018")
    assert "computer-science" not in _found(make_resume, resume)


@pytest.mark.parametrize(
    ("section", "text", "skill_id", "expected"),
    [
        # "Gym website" is a fitness club's site; "OpenAI Gym" the reinforcement-learning library
        ("projects", "- Gym website built with HTML, CSS and JavaScript.", "gymnasium", False),
        ("projects", "- Booking app for a local gym membership scheme.", "gymnasium", False),
        ("projects", "- Trained PPO agents on OpenAI Gym environments.", "gymnasium", True),
        # "Edge/Embedded ML" is edge computing, not the Microsoft Edge browser
        ("skills", "Robotics: ROS 2, Edge/Embedded ML, SLAM", "edge", False),
        ("experience", "Deployed detectors to Edge devices on the factory floor.", "edge", False),
        ("skills", "Browsers: Chrome, Firefox, Edge, Safari", "edge", True),
        # "networking events" is meeting people
        ("experience", "Ran networking events for alumni and local firms.", "networking", False),
        (
            "experience",
            "Set up networking and firewalls for the office, with VLANs and DNS.",
            "networking",
            True,
        ),
    ],
)
def test_usage_ordinary_senses_of_tool_names(make_resume, section, text, skill_id, expected):
    assert (skill_id in _found(make_resume, (section, text))) is expected


@pytest.mark.parametrize(
    ("section", "text", "skill_id", "expected"),
    [
        # a degree's subject after a dash or a bar, or with the degree after it in brackets
        ("education", "Bachelor's Degree — Computer Science, 2016", "computer-science", False),
        ("education", "MSc | Mathematics | 2012", "mathematics", False),
        (
            "education",
            "Computer Science (BSc), Northgate University, 2015",
            "computer-science",
            False,
        ),
        # a field further into a department's or a school's name
        (
            "experience",
            "Research Assistant, Dept. of Electrical & Computer Engineering",
            "computer-science",
            False,
        ),
        ("experience", "Tutor, School of Statistics and Data Science, 2020", "data-science", False),
        # a department's name wrapped onto the next line; a list under a school's line counts
        (
            "experience",
            "Research Assistant, Department of\nComputer Science, Northgate University",
            "computer-science",
            False,
        ),
        (
            "experience",
            "Visiting student, Institute for\nQuantum Computing",
            "quantum-computing",
            False,
        ),
        (
            "experience",
            "Lecturer, School of Computing\nMachine Learning, Python",
            "machine-learning",
            True,
        ),
        # a research team's name
        (
            "experience",
            "Postdoc, Machine Learning Group, Northgate University",
            "machine-learning",
            False,
        ),
        ("experience", "Visiting researcher, Computer Vision Lab, 2021", "computer-vision", False),
        # a field starting an education line that names the school, or under the school's line
        ("education", "Data Science, Northgate University, 2017", "data-science", False),
        ("education", "- Mathematics, Riverside College, 2010 - 2013", "mathematics", False),
        (
            "education",
            "Northgate University\nComputer Science, 2014 - 2018",
            "computer-science",
            False,
        ),
        # what was studied there still counts
        ("education", "Relevant coursework: Machine Learning, Databases", "machine-learning", True),
        (
            "education",
            "Thesis: machine learning for crop yield, Northgate University",
            "machine-learning",
            True,
        ),
    ],
)
def test_usage_schools_departments_and_teams(make_resume, section, text, skill_id, expected):
    assert (skill_id in _found(make_resume, (section, text))) is expected


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # A running footer with a page marker holds the person's name, not a skill.
        (
            "Data Engineer\ncw@example.org\n\nSkills\nSpark, SQL\n\nCrystal Wood - Page 1 of 2\n",
            "crystal",
        ),
        ("Analyst\nib@example.org\n\nSkills\nSQL, Excel\n\nIris Bell | CV | p. 2/2\n", "iris"),
        # The name line the document opens with, repeated at its end or as a running header.
        ("Iris Bell\nib@example.org\n\nSkills\nSpark, SQL\n\nIris Bell\n", "iris"),
        (
            "Ruby Hart\nrh@example.org\n\nSkills\nPython, SQL\n\nRuby Hart – Curriculum Vitae\n",
            "ruby",
        ),
    ],
)
def test_usage_a_running_header_or_footer_is_not_evidence(text, skill_id):
    assert skill_id not in _found_in(text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # The same words used as skills elsewhere still count.
        ("Iris Bell\nib@example.org\n\nSkills\nSpark, Iris, scikit-learn\n\nIris Bell\n", "iris"),
        ("Ruby Hart\nrh@example.org\n\nSkills\nRuby, Rails\n\nRuby Hart - Page 2\n", "ruby"),
        # A page number in a sentence or a version after "pg" is no running footer.
        ("Summary\nRedesigned the checkout page 2 times faster with React and Redux.\n", "react"),
        ("Skills\nDatabases: MySQL, pg 14, Redis, MongoDB\n", "redis"),
        # A first line holding a title word is a headline: its words repeated in a job line are
        # the job's, and they count.
        (
            "Machine Learning Engineer\nml@example.org\n\nExperience\n"
            "Machine Learning Engineer, Acme, 2019 - 2024\n- Shipped PyTorch models.\n",
            "machine-learning",
        ),
    ],
)
def test_usage_names_repeated_in_a_running_line_still_count_where_used(text, skill_id):
    assert skill_id in _found_in(text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # The name line itself, surname first: its two words make no list of languages.
        (
            "Swift, Julia\njs@example.org\n\nExperience\nAnalyst, Orbit, 2021 - Present\n"
            "- SQL reports.\n",
            "julia",
        ),
        # A name over its title, wherever a sidebar put the block.
        (
            "Contact\n+1 212 555 0199\nSkills\nPython, SQL, Docker\n\n"
            "Crystal Wood\nData Engineer\n\n"
            "Experience\nData Engineer, Nimbus, 2018 - Present\n- Spark pipelines.\n",
            "crystal",
        ),
        # The person written about in the third person.
        (
            "Ruby Hart\nrh@example.org\n\nSummary\nRuby is a data scientist; Ruby's models use "
            "Python.\n",
            "ruby",
        ),
        # An author's surname beside an initial in a citation.
        (
            "Jade Flask\njf@example.org\n\nPublications\n"
            "Flask, J., Smith, A. (2021). Graph models. "
            "NeurIPS.\nJ. Flask and B. Jones. Attention for molecules. ICML 2022.\n",
            "flask",
        ),
        (
            "Ann Lee\nal@example.org\n\nPublications\nLee A, Flask JR, Moss T. Protein graphs. "
            "Nature 2020.\n",
            "flask",
        ),
    ],
)
def test_usage_the_persons_or_an_authors_name_is_not_a_skill(text, skill_id):
    assert skill_id not in _found_in(text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # A skills line that opens a document under its heading is content, not a name line.
        (
            "Skills\nPython, Go\n\nExperience\nBackend Engineer, Acme, 2020 - 2023\n"
            "- Go services.\n",
            "go",
        ),
        # An employer over a job title in the experience section is the employer's business.
        (
            "Experience\nSpark Labs\nData Engineer, 2019 - 2023\n- Spark and Kafka pipelines.\n",
            "spark",
        ),
        # A tool named in a title after an author list still counts.
        (
            "Ann Lee\nal@example.org\n\nPublications\nA. Lee. Flask services for lab data. JOSS "
            "2021.\n",
            "flask",
        ),
        # A project named after a tool, over the person's role in it.
        (
            "Jo Doe\njo@example.org\n\nProjects\nPyTorch Playground\nLead Developer, 2021\n"
            "- Built an internal training platform for the data team.\n",
            "pytorch",
        ),
        # A tool before an acronym in a title is no author with initials.
        (
            "Mary Jones\nmj@example.org\n\nPublications\n"
            "Jones M. A Python SDK. Journal of Open Source Software, 2021.\n",
            "python",
        ),
        (
            "Mary Jones\nmj@example.org\n\nPublications\n"
            "Jones M, Lee A. Serving PyTorch ML. VLDB 2022.\n",
            "pytorch",
        ),
        # A name word used as the tool elsewhere in prose.
        (
            "Ruby Hart\nrh@example.org\n\nExperience\nDeveloper, Acme, 2019 - 2023\n"
            "- Built billing services in Ruby on Rails and Ruby scripts.\n",
            "ruby",
        ),
    ],
)
def test_usage_names_beside_people_still_count_where_used(text, skill_id):
    assert skill_id in _found_in(text)


@pytest.mark.parametrize(
    ("text", "skill_id", "expected"),
    [
        # a product's name opening a company's name is the company (issue 10, class 4)
        ("Cloud Engineer\nTerraform Consulting, Berlin, 2019 - 2021", "terraform", False),
        ("Analyst\nPython Partners, Milan, 2017 - 2019\n- SQL reports.", "python", False),
        ("Data Engineer\nKafka Logistics, Hamburg, 2020 - 2022", "kafka", False),
        # the product used in the same entry still counts
        (
            "Cloud Engineer\nTerraform Consulting, Berlin\n- Wrote the Terraform modules.",
            "terraform",
            True,
        ),
    ],
)
def test_usage_company_names_in_other_words(make_resume, text, skill_id, expected):
    assert (skill_id in _found(make_resume, ("experience", text))) is expected


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("MSc Computer Science, Northgate University, 2019", "computer-science"),
        ("BSc Computer Science (first class), Riverside College, 2016", "computer-science"),
        ("Law degree, University of Corrington, 2012", "law"),
        ("Economics degree with honours, Riverside College, 2010", "economics"),
    ],
)
def test_usage_a_degree_written_as_one_name_is_still_the_degree(make_resume, text, skill_id):
    """Issue 10, class 5: no alias makes a degree ("BSc Computer Science", "law degree") a
    skill; its subject is the education's (the profile counts it)."""
    assert skill_id not in _found(make_resume, ("education", text))
