"""Relations with Russia: the 201st base and the CSTO, labour migrants and deportations, visits."""

from watchfloor.brief.sections.relations import Partner, builder

PARTNER = Partner(
    iso3="RUS", kind="russia", title="Relations with Russia",
    words=("Russia", "Russian", "Russia's", "Moscow", "Kremlin", "Putin", "201st", "CSTO", "FSB",
           "Collective Security Treaty"),
    # plain words; relations.Partner.pattern() reads each as a regular expression
    yearly_prefixes=("deported", "expelled"),
    yearly_label="Reported deportations and expulsions of Tajik citizens from Russia",
)
BUILDER = builder(PARTNER)
