"""The working vocabulary of five families a screening tool meets beside ML resumes: offensive
security, database operations, cloud and SRE operations, application development practice, and
finance and ERP practice (issue 10, class 7; ``appsec_offensive.toml``,
``database_operations.toml``, ``cloud_sre_operations.toml``, ``app_dev_practice.toml``,
``finance_erp_practice.toml``). Invented sentences; each family's ordinary senses stay ordinary.
"""

from __future__ import annotations

from skill_tables import found_table

CASES = [
    # offensive security
    (
        "experience",
        "Found stored XSS, SSRF and IDOR in the client portal; escalated via Kerberoasting.",
        {
            "cross-site-scripting": True,
            "server-side-request-forgery": True,
            "insecure-direct-object-references": True,
            "kerberoasting": True,
        },
    ),
    (
        "experience",
        "Mapped attack paths with BloodHound and Impacket; relayed hashes with Responder.",
        {"bloodhound": True, "impacket": True, "responder": True},
    ),
    (
        "certifications",
        "CREST CRT, OSCP, Burp Suite Certified Practitioner",
        {"crest-crt": True, "oscp": True, "burp-suite-certified-practitioner": True},
    ),
    ("experience", "Ran phishing simulations with GoPhish for 2,000 staff.", {"gophish": True}),
    (
        "experience",
        "Our lateral movement between the two warehouses kept stock levels even.",
        {"lateral-movement": False},
    ),
    # database operations
    (
        "experience",
        "Set up streaming replication with Patroni and pgBouncer; PITR with pgBackRest.",
        {"streaming-replication": True, "patroni": True, "pgbouncer": True, "pgbackrest": True},
    ),
    (
        "experience",
        "Tracked slow queries with pg_stat_statements and pgBadger; tuned autovacuum.",
        {"pg-stat-statements": True, "pgbadger": True, "vacuum-tuning": True},
    ),
    (
        "experience",
        "Configured Always On availability groups and log shipping for SQL Server 2019.",
        {"always-on-availability-groups": True, "log-shipping": True},
    ),
    (
        "experience",
        "Migrated Oracle schemas to PostgreSQL with ora2pg.",
        {"ora2pg": True, "postgresql": True},
    ),
    ("experience", "Worked as a barman at the student union during my degree.", {"barman": False}),
    # cloud and SRE operations
    (
        "experience",
        "Designed hub-and-spoke VNets with NSGs, Azure Firewall and ExpressRoute.",
        {
            "azure-virtual-network": True,
            "azure-network-security-groups": True,
            "azure-firewall": True,
            "azure-expressroute": True,
        },
    ),
    (
        "experience",
        "Led blameless postmortems; chaos experiments with Chaos Mesh.",
        {"postmortems": True, "chaos-mesh": True},
    ),
    (
        "experience",
        "Ran cert-manager, external-dns and Velero on kubeadm clusters.",
        {"cert-manager": True, "velero": True, "kubeadm": True},
    ),
    (
        "experience",
        "Backups with Bacula and Veeam for the branch file servers.",
        {"bacula": True, "veeam": True},
    ),
    (
        "experience",
        "Photographed the launch with a 50mm lens and a Kubernetes sticker on the case.",
        {"lens-kubernetes-ide": False},
    ),
    (
        "experience",
        "Night-shift nurse on the on-call rota for the cardiac ward.",
        {"on-call-rotations": False},
    ),
    # application development practice
    (
        "experience",
        "Built the storefront in Next.js with SSR and ISR; service workers for offline mode.",
        {
            "server-side-rendering": True,
            "incremental-static-regeneration": True,
            "service-workers": True,
        },
    ),
    (
        "experience",
        "Integrated Paystack and Flutterwave payments; SMS OTP through Termii.",
        {"paystack": True, "flutterwave": True, "termii": True, "erlang": False},
    ),
    (
        "experience",
        "Deployed with PM2 on a DigitalOcean VPS behind Let's Encrypt certificates.",
        {"pm2": True, "digitalocean": True, "let-s-encrypt": True},
    ),
    (
        "experience",
        "Object pooling and LODs cut frame times on the console port.",
        {"object-pooling": True, "level-of-detail": True},
    ),
    (
        "experience",
        "Upgraded the Cisco ISR 4000 routers at 40 branches.",
        {"incremental-static-regeneration": False},
    ),
    (
        "experience",
        "Built optimised multi-stage Docker images for the API.",
        {"image-optimisation": False},
    ),
    (
        "experience",
        "Kept remote Terraform state in S3 with DynamoDB locking and state management.",
        {"frontend-state-management": False},
    ),
    # finance and ERP practice
    (
        "experience",
        "Ran the F110 payment run and dunning; configured house banks and DMEE formats.",
        {"sap-automatic-payment-program": True, "sap-dunning": True, "sap-dmee": True},
    ),
    (
        "experience",
        "Document splitting and parallel ledgers in the S/4HANA conversion.",
        {"sap-document-splitting": True, "sap-parallel-ledgers": True},
    ),
    (
        "experience",
        "Audited under ISA 315 and ISA 600; journal entry testing in CaseWare IDEA.",
        {"isa-315": True, "isa-600": True, "journal-entry-testing": True},
    ),
    (
        "experience",
        "E-invoices in XRechnung and ZUGFeRD; bank statements as MT940 and CAMT.053.",
        {"xrechnung": True, "zugferd": True, "mt940": True, "camt-053": True},
    ),
    (
        "publications",
        "Sanctioned auditors and former PCAOB enforcement staff (2024).",
        {"pcaob-standards": False},
    ),
]

test_operations_families = found_table(CASES)
