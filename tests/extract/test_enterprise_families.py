"""Five more families real technical resumes name (issue 10, class 7): mainframe and IBM i
work, mobile frameworks, IP/MPLS and transport networks, identity and GRC, and clinical
statistical programming (``mainframe_legacy.toml``, ``mobile_frameworks.toml``,
``network_ip_transport.toml``, ``identity_grc.toml``, ``clinical_stat_programming.toml``).
Invented sentences; the ordinary senses of their guarded words stay ordinary."""

from __future__ import annotations

from skill_tables import found_table

CASES = [
    # mainframe and IBM i
    (
        "experience",
        "COBOL batch with JCL, IDCAMS and DFSORT; debugged with Abend-AID and Xpediter.",
        {"idcams": True, "dfsort": True, "abend-aid": True, "xpediter": True},
    ),
    (
        "experience",
        "Maintained CICS BMS maps; SPUFI and QMF for ad-hoc queries; Endevor for promotion.",
        {"cics-bms": True, "spufi": True, "qmf": True, "endevor": True},
    ),
    (
        "experience",
        "Maintained RPG and CL programs on the AS/400.",
        {"rpg-ibm-i": True, "ibm-i-control-language": True},
    ),
    ("interests", "Played RPG games and Minecraft with my brothers.", {"rpg-ibm-i": False}),
    (
        "experience",
        "Licensed by the TSO for grid balancing services.",
        {"time-sharing-option": False},
    ),
    # mobile frameworks
    (
        "experience",
        "Flutter app with Riverpod, Dio, Isar and go_router; golden tests and platform channels.",
        {"dio-http-client": True, "isar-database": True, "go-router": True, "golden-tests": True},
    ),
    (
        "experience",
        "iOS app with SwiftUI and the Coordinator pattern; Core Data and WidgetKit.",
        {"coordinator-pattern": True, "widgetkit": True},
    ),
    (
        "experience",
        "Android: Hilt, Retrofit, Kotlin Coroutines and Espresso; Baseline Profiles for startup.",
        {"kotlin-coroutines": True, "baseline-profiles": True},
    ),
    (
        "experience",
        "Cut crash-free sessions from 97% to 99.8% in a year.",
        {"mobile-app-stability": False},
    ),
    # IP/MPLS and transport networks
    (
        "experience",
        "Configured LDP, RSVP-TE and L3VPN services on Nokia 7750 SR and Cisco ASR 9000 routers.",
        {"ldp": True, "rsvp-te": True, "nokia-7750-sr": True, "cisco-asr-9000": True},
    ),
    (
        "experience",
        "Config backups with Oxidized and TextFSM parsers; IPAM in phpIPAM.",
        {"oxidized": True, "textfsm": True, "phpipam": True},
    ),
    (
        "experience",
        "Planned microwave links in Pathloss; DWDM capacity upgrades on Ciena 6500.",
        {"pathloss": True, "ciena-6500": True},
    ),
    # identity and GRC
    (
        "experience",
        "Ran SailPoint IdentityNow access reviews and role mining; CyberArk PSM session recording.",
        {"sailpoint-identitynow": True, "role-mining": True, "privileged-session-management": True},
    ),
    (
        "experience",
        "Mapped controls to NIST CSF, HITRUST and FFIEC; questionnaires (SIG, CAIQ) in OneTrust.",
        {"hitrust": True, "ffiec": True, "caiq": True, "onetrust": True},
    ),
    (
        "experience",
        "The session recording of the workshop is on the intranet.",
        {"privileged-session-management": False},
    ),
    # clinical statistical programming
    (
        "experience",
        "Programmed TLFs with PROC REPORT and PROC TABULATE; double programming for ADaM datasets.",
        {"proc-report": True, "proc-tabulate": True, "double-programming": True},
    ),
    (
        "experience",
        "Built population PK models in NONMEM and NCA in Phoenix WinNonlin.",
        {"nonmem": True, "phoenix-winnonlin": True, "non-compartmental-analysis": True},
    ),
    (
        "experience",
        "Used admiral and rtables for ADaM; Pinnacle 21 validation before the eCTD submission.",
        {"admiral": True, "rtables": True},
    ),
    ("awards", "Appointed Admiral of the sailing club regatta in 2019.", {"admiral": False}),
]

test_enterprise_families = found_table(CASES)
