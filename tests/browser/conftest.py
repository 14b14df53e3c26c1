import os
import shutil

import pytest

# Playwright's sync API keeps an asyncio loop running in the test thread, so Django would refuse
# every ORM call there. Nothing runs concurrently in that thread, so the guard can go.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "artifacts")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Chromium's background services would try to reach Google; this machine has no network.
    args = ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}, "locale": "en-GB"}


@pytest.fixture
def screenshot():
    os.makedirs(ARTIFACTS, exist_ok=True)

    def take(page, name):
        page.screenshot(path=os.path.join(ARTIFACTS, f"{name}.png"), full_page=True)

    return take


@pytest.fixture
def axe_check():
    """axe_check(page) runs axe-core (shipped in the wheel, nothing fetched) and fails on serious or critical issues."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page, **run_kwargs):
        results = axe.run(page, **run_kwargs)
        bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> " + ", ".join(" ".join(n["target"]) for n in v["nodes"])
            for v in bad
        )
        assert not bad, f"{len(bad)} accessibility violation(s):\n{report}"
        return results

    return check
