"""Neighbouring roles on invented resumes: data scientist vs data analyst, data engineer and
the specialisms; ML engineer vs data scientist. Every text is invented. Issue 11."""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.api import analyze_text

AS_OF = dt.date(2026, 12, 1)
RUNGS = ("lead-data-scientist", "ml-engineering-manager", "head-of-ai", "ai-architect")

JUNIOR_DS_WITH_BI_TOOLS = """Maya Okonkwo
Aspiring Data Scientist | maya@example.com

Summary
Recent graduate passionate about data science, machine learning and storytelling with data.

Skills
Python, SQL, Excel, Tableau, Power BI, pandas, NumPy, scikit-learn, Matplotlib, statistics,
machine learning, data visualization, data cleaning

Projects
Customer churn prediction - Built logistic regression and random forest models in Python with
scikit-learn; feature engineering and cross-validation; 86% accuracy.
Sales dashboard - Cleaned sales data in Excel and SQL and built an interactive Tableau dashboard
for regional managers.
House price regression - Exploratory data analysis with pandas and Seaborn; linear regression
and XGBoost.

Education
BSc Statistics, University of Nairobi, 2020 - 2024
Certificate: Google Data Analytics
"""

DS_AFTER_ANALYST_WITH_LLM_PROTOTYPE = """Arjun Mehta
Data Scientist

Experience
Data Scientist, Bluefin Insurance (Jan 2022 - Present)
- Built claim-fraud models with XGBoost and scikit-learn; A/B tests and hypothesis testing with
stakeholders.
- Prototyped an LLM assistant with LangChain, OpenAI API and a vector database to summarise
claim notes.
- Feature engineering in SQL and pandas; model monitoring dashboards in Tableau.
Data Analyst, Bluefin Insurance (Jun 2020 - Dec 2021)
- Reporting in Excel and Power BI; SQL queries on Snowflake.

Skills
Python, R, SQL, statistics, machine learning, scikit-learn, XGBoost, pandas, LLMs, prompt
engineering, Git

Education
MSc Applied Statistics, University of Toronto
"""

DS_WITH_ONE_NLP_PROJECT = """Lena Fischer
Data Scientist

Experience
Junior Data Scientist, Kraftwerk Retail GmbH (Sep 2023 - Present)
- Demand forecasting with time series models (Prophet, ARIMA) and gradient boosting in Python.
- Customer segmentation with k-means clustering; churn prediction with scikit-learn.
- Built a sentiment analysis model for product reviews with spaCy and Hugging Face transformers.
- SQL on BigQuery; dashboards in Looker; presented findings to stakeholders.

Skills
Python, SQL, pandas, NumPy, scikit-learn, statistics, machine learning, NLP, PyTorch, Git, Docker

Education
MSc Data Science, TU Munich
"""

UNDATED_DS_WITH_SOFT_LEADERSHIP = """Chen Wei
Data Science

Summary
Data scientist with strong leadership, mentoring and communication skills; led student teams in
hackathons.

Projects
- Credit risk model: Python, scikit-learn, XGBoost, SQL; statistics and hypothesis tests.
- Image classifier for plant disease with a CNN in TensorFlow and OpenCV.
- Topic modelling of news articles with NLTK and gensim.

Skills
Python, R, SQL, machine learning, deep learning, statistics, TensorFlow, scikit-learn, pandas,
Tableau, Excel, leadership, stakeholder management

Education
BTech Computer Science, VIT University
"""

SENIOR_DS_ON_SPARK = """Sofia Alvarez
Senior Data Scientist

Experience
Senior Data Scientist, Andes Telecom (Mar 2019 - Present)
- Churn and upsell models with Spark MLlib, PySpark and XGBoost on Databricks; Airflow schedules
the training.
- Designed A/B tests and uplift models; statistics and causal inference for marketing.
- Mentored two junior data scientists.
Data Scientist, Andes Telecom (Jan 2016 - Feb 2019)
- Forecasting with time series analysis in Python and R; SQL on Redshift; ETL with AWS Glue.

Skills
Python, R, SQL, Spark, PySpark, Airflow, machine learning, statistics, scikit-learn, XGBoost,
AWS, Git

Education
MSc Statistics, Universidad de Chile
"""

DATA_ENGINEER_FROM_BI = """Tom Becker
Data Engineer

Experience
Data Engineer, Nordlicht Bank (Feb 2021 - Present)
- Built ETL pipelines in Python and SQL with Airflow; Spark jobs on Databricks; Kafka streams
into Snowflake.
- Data modelling with dbt; data warehouse on Snowflake; dashboards for analysts in Tableau.
BI Developer, Nordlicht Bank (Jan 2018 - Jan 2021)
- Reports in Power BI and Excel; SQL Server; SSIS packages.

Skills
Python, SQL, Spark, Airflow, dbt, Kafka, Snowflake, AWS, Docker, Git, Tableau, Excel

Education
BSc Computer Science, University of Hamburg
"""

MLE_WITH_ONE_IMAGE_PROJECT = """Priya Sharma
Machine Learning Engineer

Experience
Machine Learning Engineer, Shopwave (Apr 2021 - Present)
- Deployed recommendation models as FastAPI services on Kubernetes; Docker; CI/CD with GitHub
Actions.
- Trained models in PyTorch and scikit-learn; MLflow for tracking; model monitoring with
Prometheus on AWS.
- One side project: image classification of product photos with OpenCV.
Software Engineer, Shopwave (Jul 2018 - Mar 2021)
- Backend services in Python and Go; PostgreSQL; REST APIs.

Skills
Python, Go, SQL, machine learning, PyTorch, scikit-learn, Docker, Kubernetes, AWS, MLflow, Git,
Linux

Education
BSc Computer Engineering, IIT Delhi
"""

DATA_ANALYST = """Grace Liu
Data Analyst

Experience
Data Analyst, Harbor Health (Aug 2022 - Present)
- Weekly reporting in Excel and SQL; Power BI dashboards for operations; data cleaning.
- Ad-hoc analysis of patient wait times; presented insights to stakeholders.
Marketing Analyst, Brightside Media (Jun 2020 - Jul 2022)
- Google Analytics, Excel and Tableau reports on campaigns; A/B testing of emails.

Skills
SQL, Excel, Power BI, Tableau, Python, pandas, statistics, Google Analytics

Education
BA Economics, University of Washington
"""

UNDATED_DS_ON_ALGORITHMS_WITH_BI_TOOLS = """Ravi Kulkarni
Pune, India | ravi.k@example.com | +91 98220 11223

Profile
Data Scientist with hands-on experience turning business data into decisions; comfortable with
stakeholders and deadlines.

Skills
Python, SQL, Excel, Power BI, Tableau, MySQL, statistics, regression, machine learning, pandas,
NumPy, Matplotlib, data visualization, data cleaning, reporting, Google Analytics

Projects
Loan default prediction: logistic regression and decision trees in Python on 50,000 loans.
Sales performance dashboard in Power BI fed by SQL views; monthly reporting in Excel.
Customer segmentation with k-means on transaction data.

Education
B.E. Computer Engineering, Savitribai Phule Pune University, 2023
"""

CASES = {
    "JUNIOR_DS_WITH_BI_TOOLS": (JUNIOR_DS_WITH_BI_TOOLS, ("data-scientist-ml",)),
    "DS_AFTER_ANALYST_WITH_LLM_PROTOTYPE": (
        DS_AFTER_ANALYST_WITH_LLM_PROTOTYPE,
        ("data-scientist-ml", "data-scientist-analytics"),
    ),
    "DS_WITH_ONE_NLP_PROJECT": (DS_WITH_ONE_NLP_PROJECT, ("data-scientist-ml",)),
    "UNDATED_DS_WITH_SOFT_LEADERSHIP": (
        UNDATED_DS_WITH_SOFT_LEADERSHIP,
        ("data-scientist-ml", "data-scientist-analytics"),
    ),
    "SENIOR_DS_ON_SPARK": (SENIOR_DS_ON_SPARK, ("data-scientist-ml", "lead-data-scientist")),
    "DATA_ENGINEER_FROM_BI": (DATA_ENGINEER_FROM_BI, ("data-engineer",)),
    "MLE_WITH_ONE_IMAGE_PROJECT": (MLE_WITH_ONE_IMAGE_PROJECT, ("ml-engineer",)),
    "DATA_ANALYST": (DATA_ANALYST, ("data-analyst",)),
    # Model families built by hand, no library named: still a data scientist, not an analyst.
    "UNDATED_DS_ON_ALGORITHMS_WITH_BI_TOOLS": (
        UNDATED_DS_ON_ALGORITHMS_WITH_BI_TOOLS,
        ("data-scientist-ml",),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_neighbours_first_role(name: str) -> None:
    text, allowed = CASES[name]
    first = analyze_text(text, "resume.txt", AS_OF).roles[0]
    assert first.id in allowed, f"{name}: {first.id} {first.score}"


@pytest.mark.parametrize("name", ["JUNIOR_DS_WITH_BI_TOOLS", "UNDATED_DS_WITH_SOFT_LEADERSHIP"])
def test_neighbours_undated_data_scientist_gets_no_rung_and_no_analyst_first(name: str) -> None:
    report = analyze_text(CASES[name][0], "resume.txt", AS_OF)
    assert report.profile.total_years is None
    ranked = [fit.id for fit in report.roles]
    assert ranked[0] not in RUNGS
    assert ranked.index("data-scientist-ml") < ranked.index("data-analyst")


DS_ON_LIGHTGBM_AND_SPARK = """Kwame Boateng
Data Scientist

Experience
Data Scientist, Tern Logistics (2019 - Present)
- Built route-time prediction models with LightGBM; feature pipelines in PySpark on Databricks;
orchestration with Airflow; data quality checks with dbt tests.
- Deployed models as batch jobs on AWS; SQL on Snowflake.

Skills
Python, SQL, PySpark, Spark, Airflow, dbt, Snowflake, Databricks, AWS, machine learning,
LightGBM, statistics, pandas

Education
BSc Computer Science, University of Ghana
"""

# A data scientist now, with a machine-learning PhD and papers behind them.
DS_AFTER_ML_PHD = """Tobias Keller
Data Scientist

Experience
Data Scientist, Helix Pharma (2021 - Present)
- Deep learning models for molecular property prediction in PyTorch; graph neural networks.
- Statistics, SQL, Python; collaboration with chemists.
PhD Researcher, ETH Zurich (2016 - 2021)
- Machine learning research on protein structure; published at NeurIPS and ICML.

Publications
Keller T. et al. Equivariant networks for proteins. NeurIPS, 2020.
Keller T., Graf S. Learning contact maps. ICML, 2019.
Keller T. Structure priors. Bioinformatics, 2021.

Skills
Python, PyTorch, deep learning, machine learning, statistics, SQL, scikit-learn

Education
PhD Computer Science, ETH Zurich, 2021
"""


def test_neighbours_any_common_modelling_library_counts_for_a_data_scientist():
    # LightGBM (or CatBoost, caret, tidymodels) meets the modelling-library item like
    # scikit-learn: a data scientist on Spark tooling is not ranked a data engineer first.
    report = analyze_text(DS_ON_LIGHTGBM_AND_SPARK, "ds.txt", AS_OF)
    assert "scikit-learn" not in report.role("data-scientist-ml").missing_required
    assert report.roles[0].id == "data-scientist-ml"


def test_neighbours_latest_title_outweighs_an_earlier_specialism():
    # Papers make full research evidence, but the latest title names the role the person
    # holds: Data Scientist first, ML Research Scientist a close second.
    report = analyze_text(DS_AFTER_ML_PHD, "ds.txt", AS_OF)
    ranked = [fit.id for fit in report.roles]
    assert ranked[0] == "data-scientist-ml"
    assert ranked.index("ml-research-scientist") <= 2


DIRECTOR_OF_DATA_SCIENCE_AFTER_ANALYST = """Ilse Marchetti
ilse.marchetti@example.org

Experience
Director of Data Science, Harbourline Insurance, Jul 2019 - Present
- Runs the pricing and retention models team; churn prediction with Python and machine learning
- Sets the statistics and experimentation standards; reviews SQL and Tableau reporting

Data Analyst, Harbourline Insurance, Jun 2015 - Jun 2019
- Built Excel and Tableau dashboards and SQL reports for claims managers
- Data analysis and data cleaning for the finance team

Education
MSc Applied Statistics, University of Padua, 2015
"""


def test_neighbours_a_title_naming_the_field_is_a_data_science_title():
    # "Director of Data Science" names data science as the job's field: the data-scientist
    # roles take its title credit, not only the earlier "Data Analyst".
    report = analyze_text(DIRECTOR_OF_DATA_SCIENCE_AFTER_ANALYST, "cv.txt", AS_OF)
    for role_id in ("data-scientist-ml", "data-scientist-analytics"):
        title = report.role(role_id).component("title")
        assert title.detail.startswith("latest title 'Director of Data Science' matches")
        assert title.value > 0.5
    assert report.role("data-analyst").component("title").value < 1.0


ML_ENGINEER_TITLE_AFTER_ANALYST = """Omar Haddad
omar.haddad@example.com

Experience
AI/ML Engineer, Sandstone Analytics, 2021 - Present
- Customer lifetime value and churn models with scikit-learn and XGBoost; statistical analysis
of campaigns.
- Built dashboards and reports in Tableau for marketing; SQL in Snowflake.
Data Analyst, Sandstone Analytics, 2019 - 2021
- Excel, SQL and Tableau reporting.

Skills
Python, SQL, scikit-learn, XGBoost, statistics, Tableau, Excel, machine learning

Education
BSc Economics, American University of Beirut
"""


@pytest.mark.parametrize(
    "text", [DIRECTOR_OF_DATA_SCIENCE_AFTER_ANALYST, ML_ENGINEER_TITLE_AFTER_ANALYST]
)
def test_neighbours_an_analyst_title_left_behind_is_no_title_credit(text):
    # Data Analyst is the step before: once a later title in the field follows it, its earlier
    # title earns the entry role nothing, and the modelling work ranks a data scientist first.
    report = analyze_text(text, "cv.txt", AS_OF)
    title = report.role("data-analyst").component("title")
    assert title.value == 0.0
    assert "is a later step in the field" in title.detail
    assert report.roles[0].id in ("data-scientist-ml", "data-scientist-analytics")


def test_neighbours_a_data_analyst_now_keeps_the_title_credit():
    report = analyze_text(DATA_ANALYST, "cv.txt", AS_OF)
    assert report.role("data-analyst").component("title").value == 1.0
    assert report.roles[0].id == "data-analyst"
