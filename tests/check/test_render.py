import pytest

from watchfloor.check import check_text
from watchfloor.check.render import render_html, render_text
from watchfloor.store import Store

HOSTILE = ("<script>alert('boom')</script> In 2023 gunmen attacked Crocus City Hall near Moscow "
           "<img src=x onerror=alert(1)>. It is highly likely that more attacks will follow.")


@pytest.mark.usefixtures("rules_only")
def test_html_escapes_everything_and_marks_each_finding(demo_db: Store) -> None:
    report = check_text(demo_db, HOSTILE, name="<b>bad name</b>")
    page = render_html(report, HOSTILE)
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bad name" not in page
    assert "&lt;script&gt;alert(&#x27;boom&#x27;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1 and 'class="error"' in page and 'class="info"' in page
    for f in report.findings:
        assert f'id="wf-{f.id}"' in page and f.id in page
    fragment = render_html(report, HOSTILE, standalone=False)
    assert not fragment.startswith("<!doctype") and fragment.startswith('<div class="wf-check">')


@pytest.mark.usefixtures("rules_only")
def test_text_groups_by_severity(demo_db: Store) -> None:
    report = check_text(demo_db, HOSTILE)
    out = render_text(report, HOSTILE)
    assert out.index("ERRORS") < out.index("NOTES") and "wrong_date, line 1" in out
    assert "22 March 2024" in out
