"""Relations with China: debt, border outposts and bases, visits, and attacks on Chinese nationals."""

from watchfloor.brief.sections.relations import Partner, builder

PARTNER = Partner(
    iso3="CHN", kind="china", title="Relations with China",
    words=("China", "Chinese", "China's", "Beijing", "Xi Jinping", "Eximbank", "Export-Import Bank of China",
           "Exim ?Bank"),
    money_keys=("owed_to_china_usd_m", "owed_to_china_usd_bn", "owed_to_china_usd_bn_approx"),
    money_label="Debt owed to China",
)
BUILDER = builder(PARTNER)
