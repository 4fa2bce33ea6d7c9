"""tally.py - the "ok - ..." / "FAIL - ..." lines and their counts, shared by
the Python checks run from tests/e2e (report_check.py, print_check.py)."""

passed = 0
failed = 0


def check(ok, what, detail=""):
    """Prints one line for the check and counts it; returns ok."""
    global passed, failed
    if ok:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what + (": " + str(detail) if detail else ""))
    return ok
