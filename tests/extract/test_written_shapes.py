"""How names are written rather than which names: pairs joined by a slash, a case that changes
where the tokenizer splits a name, acronyms in the plural, and a list that runs into a skill
whose name holds an organisation word (issue 10, classes 1 and 7).

- "Agile/Scrum", "Unix/Linux", "R/RStudio": each part is a skill of its own. An alias over the
  pair used to take the second part's words, so Scrum, Linux and RStudio went missing. The build
  drops such aliases (``[normalise] joined_keep`` keeps those whose parts read alone are
  something else: "HVAC/R" is no R).
- "Socket.io" is one token and "Socket.IO" three: a name is indexed under both spellings.
- "Node.js/Express", "Vue.js/Nuxt": to spaCy a name written like a domain before a slash is a
  web address with a path, one token; the tokenizer now splits it (a real address stays whole).
- "PLCs", "HMIs", "ETLs": an acronym of three to five letters in capitals takes a plural "s";
  in lower case ("plcs") it stays nothing, and "Leeds" is no plural of LEED. The plural needs
  what the singular needs ("SMEs" and "TPMs" are people, so a guarded acronym's plural is
  guarded too), and a plain one's is vetted as an acronym, in capitals.
- "Linux administration", "Intune enrolment": a practice's name that begins or ends with a
  product's distinctive name is evidence of both; a name that only looks corroborated beside
  the practice's words stays out ("ROC-AUC" is no Roc language).
- "Word, Excel, PowerPoint, Outlook": in a one-line list whose other item is a vendor's product
  (PowerPoint is Microsoft's), an item that is the vendor's product by its short name is read
  as it ("Outlook" is Microsoft Outlook). An item that names something on its own keeps it, and
  outside such a list "Word" and "Outlook" stay words.
- "DNS, DHCP and Group Policy": "Group" after "and" starts the next skill, not a company's name
  such as "Tata Group".
"""

from __future__ import annotations

from skill_tables import found_table

from resume_fit.extract import load_pipeline

CASES = [
    # both parts of a slashed pair
    ("skills", "Methods: Agile/Scrum, Kanban, code review", {"agile": True, "scrum": True}),
    ("skills", "Platforms: Unix/Linux, Windows Server, VMware", {"unix": True, "linux": True}),
    (
        "experience",
        "Built the reporting in R/RStudio with ggplot2 and Shiny.",
        {"r": True, "rstudio": True},
    ),
    (
        "skills",
        "Kubernetes (EKS/GKE/AKS), Helm, Argo CD",
        {"amazon-eks": True, "azure-kubernetes-service": True},
    ),
    (
        "experience",
        "Wrote the firmware flashing via JTAG/SWD on STM32 boards.",
        {"jtag": True, "serial-wire-debug": True},
    ),
    # a pair whose parts read alone are something else stays one skill
    (
        "experience",
        "Licensed HVAC/R technician servicing rooftop units.",
        {"hvac": True, "r": False},
    ),
    ("experience", "Modelled PD/LGD/EAD for the retail credit book.", {"credit-scoring": True}),
    # a case that changes the tokens
    ("skills", "Node.js, Express, Socket.io, Redis", {"websockets": True}),
    ("experience", "Pushed live scores to the browser over socket.io rooms.", {"websockets": True}),
    ("experience", "Pushed live scores to the browser over Socket.IO rooms.", {"websockets": True}),
    # a name written like a domain before a slash
    ("experience", "Node.js/Express internal tools on MongoDB.", {"nodejs": True, "express": True}),
    ("experience", "Front end in Vue.js/Nuxt with Tailwind.", {"vue": True, "nuxt": True}),
    (
        "experience",
        "Pushed events over Socket.io/Redis adapters.",
        {"websockets": True, "redis": True},
    ),
    # acronyms in the plural
    (
        "experience",
        "Programmed PLCs and SCADA HMIs for the bottling line.",
        {"programmable-logic-controller": True, "human-machine-interface": True},
    ),
    ("experience", "Rewrote the nightly ETLs as incremental loads.", {"etl": True}),
    ("education", "MSc Data Science, University of Leeds, 2019", {"leed": False}),
    ("experience", "Based in Leeds; Python, SQL, Spark and Airflow.", {"leed": False}),
    (
        "experience",
        "The plcs of the old plant were scrapped before my time.",
        {"programmable-logic-controller": False},
    ),
    # a product at the edge of a practice's name
    (
        "experience",
        "Linux administration for 200 RHEL and Ubuntu servers.",
        {"linux": True, "system-administration": True},
    ),
    ("experience", "Ran Intune enrolment for 300 staff laptops.", {"microsoft-intune": True}),
    (
        "experience",
        "SQL Server administration and tuning for the ERP.",
        {"sql-server": True, "sql": False},
    ),
    ("experience", "Compared the models by ROC-AUC on a held-out month.", {"roc": False}),
    ("experience", "Filed the trial documents in Veeva Vault eTMF.", {"hashicorp-vault": False}),
    # a vendor's short names beside another of its products
    (
        "skills",
        "Word, Excel, PowerPoint, Outlook",
        {"microsoft-word": True, "microsoft-outlook": True},
    ),
    (
        "skills",
        "Computer skills: Outlook, Teams, PowerPoint and Excel",
        {"microsoft-outlook": True, "microsoft-teams": True},
    ),
    (
        "skills",
        "Google Docs, Sheets, Slides, Forms",
        {"google-sheets": True, "google-slides": True},
    ),
    (
        "skills",
        "Bicep, ARM templates, Terraform, PowerShell, Azure CLI",
        {"powershell": True, "azure-powershell": False},
    ),
    (
        "experience",
        "I gave my word in the Outlook meeting; PowerPoint deck attached.",
        {"microsoft-word": False, "microsoft-outlook": False},
    ),
    # "and" before a skill whose name has an organisation word
    (
        "experience",
        "Administered Active Directory, DNS, DHCP and Group Policy for 400 users.",
        {"dynamic-host-configuration-protocol": True, "group-policy": True},
    ),
]

test_written_shapes = found_table(CASES)


def test_a_web_address_stays_one_token() -> None:
    tokenizer = load_pipeline().tokenizer
    for address in ("github.com/jane-doe", "https://nodejs.org/en/docs", "linkedin.com/in/JaneDoe"):
        assert [t.text for t in tokenizer(address)] == [address]
    assert [t.text for t in tokenizer("Node.js/Express")] == ["Node.js", "/", "Express"]
