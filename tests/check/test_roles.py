"""Names the alias table does not know, tied to a title, a deed or a licence (sentences of our own)."""

from watchfloor.check.roles import role_conflicts

SUMMARY = ("Interior Minister Ramazon Rahimzoda met Kyrgyz officials in Osh, a day after "
           "Security Council secretary Nasrullo Mahmudzoda signed a border protocol with Bishkek.")


def test_same_title_other_holder_is_a_conflict():
    found = role_conflicts("In Osh, Interior Minister Davron Saidov met Kyrgyz officials.", SUMMARY)
    assert [(r.claim_name, r.store_name) for r in found] == [("Davron Saidov", "Ramazon Rahimzoda")]
    assert "Interior Minister" in found[0].how


def test_same_title_same_holder_is_not():
    assert role_conflicts("In Osh, Interior Minister Ramazon Rahimzoda met Kyrgyz officials.", SUMMARY) == []
    assert role_conflicts("Minister Rahimzoda's deputy Davron Saidov met Kyrgyz officials.", SUMMARY) == []


def test_same_deed_other_subject_is_a_conflict():
    summary = "NATO envoy Karl Berger told Central Asian defence chiefs in Tashkent that drills would resume."
    found = role_conflicts("Later, Lena Moritz told a meeting of Central Asian defence chiefs that drills resume.",
                           summary)
    assert [(r.claim_name, r.store_name) for r in found] == [("Lena Moritz", "Karl Berger")]


def test_same_deed_different_audience_is_not():
    summary = "NATO envoy Karl Berger told journalists in Tashkent that drills would resume."
    assert role_conflicts("Later, Lena Moritz told a meeting of Central Asian defence chiefs.", summary) == []


def test_other_company_same_licence_is_a_conflict():
    summary = "Officials said Korea's Daewoo had been licensed to build the Yovon cement plant."
    found = role_conflicts("In exchange, Korea's Hanwha Group was given a licence for the Yovon plant.", summary)
    assert [(r.claim_name, r.store_name) for r in found] == [("Hanwha Group", "Daewoo")]


def test_other_company_without_a_deal_word_is_not():
    summary = "Officials said Korea's Daewoo built the Yovon cement plant."
    assert role_conflicts("Korea's Hanwha Group visited the Yovon plant.", summary) == []


def test_store_event_named_by_title_and_by_deed(demo_db) -> None:
    from watchfloor.check import check_text

    def errs(text: str) -> list[tuple[str, str]]:
        return [(f.kind, f.quote) for f in check_text(demo_db, text, "t").errors]

    right = ("When Putin met Rahmon in October 2025 he called Russia's 201st base a guarantor of security for the "
             "region, a day after Defence Minister Andrei Belousov visited Russian facilities there.")
    assert errs(right) == []
    wrong = right.replace("Andrei Belousov", "Pavel Grachev")
    assert ("wrong_actor", "Pavel Grachev") in errs(wrong)
    deed = ("In October 2024 Alexander Bortnikov told CIS security chiefs that the Crocus recruiters were ISKP "
            "members working online from Afghanistan.")
    assert errs(deed) == []
    assert ("wrong_actor", "Sergei Naryshkin") in errs(deed.replace("Alexander Bortnikov", "Sergei Naryshkin"))
