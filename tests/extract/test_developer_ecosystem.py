"""Developer tools named by their short project names (lexicons/curated/developer_ecosystem.toml):
found in a tool list and beside their context words, while the ones that are English words stay
words in ordinary sentences. Invented text."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("skills", "Backend: Node.js, NestJS, Prisma, TypeORM, PostgreSQL", {"prisma", "typeorm"}),
        ("skills", "Python, Django, Gunicorn, Nginx, Celery", {"gunicorn"}),
        ("experience", "Deployed Spring services on Tomcat behind Nginx.", {"apache-tomcat"}),
        (
            "experience",
            "Integrated Stripe payments and Twilio SMS into the checkout.",
            {"stripe", "twilio"},
        ),
        ("experience", "Wrote Vulkan and DirectX 12 renderers in C++.", {"vulkan", "directx"}),
        (
            "experience",
            "Built the Yocto image with Buildroot and U-Boot for an ARM board.",
            {"buildroot", "u-boot"},
        ),
        (
            "experience",
            "Wrote Linux device drivers for the camera SoC.",
            {"device-driver-development"},
        ),
        ("experience", "Simulated the arm in Gazebo with MoveIt and ROS 2.", {"gazebo", "moveit"}),
        (
            "skills",
            "Tools: GCC, Clang, CMake, Valgrind, Bazel",
            {"gcc", "clang", "valgrind", "bazel"},
        ),
        (
            "experience",
            "Launched two Shopify stores and a WooCommerce site.",
            {"shopify", "woocommerce"},
        ),
    ],
)
def test_short_project_names_are_found(found_ids, kind, text, expected):
    assert expected <= found_ids(kind, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Wore a plaid jacket to every client meeting.", "plaid"),
        ("Managed seismic retrofit projects for older schools.", "retrofit"),
        ("Owned the core data pipelines for finance reporting.", "core-data"),
        ("Built a gazebo and decking for a garden centre.", "gazebo"),
        ("Painted a white stripe along the loading bay.", "stripe"),
    ],
)
def test_words_stay_words(found_ids, text, absent):
    assert absent not in found_ids("experience", text)
