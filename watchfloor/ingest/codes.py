"""Country codes that event datasets use, mapped to ISO 3166 alpha-3 (our country entities).

GDELT writes actor countries in CAMEO codes (mostly ISO alpha-3, with a few
old ones such as ROM for ROU) and places in FIPS 10-4 (TI is TJK, TX TKM, UK
GBR). Codes that are regions, oceans or territories with no ISO code of their
own map to nothing, so they never become a country. The tables are complete:
every code of the two standards, not a choice of countries.
"""

from __future__ import annotations

CAMEO_EXCEPTIONS: dict[str, str] = {
    "ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "DRC": "COD", "KSV": "XKX", "YUG": "SRB", "SCG": "SRB",
    "BUR": "MMR", "UK": "GBR",
}
"""CAMEO country codes that differ from ISO alpha-3; every other three-letter ISO code stands for itself.

CAMEO's regional codes (AFR, EUR, MEA, WST, CAS, SAS ...) are not ISO codes and map to nothing."""

FIPS_TO_ISO3: dict[str, str] = {
    "AA": "ABW", "AC": "ATG", "AE": "ARE", "AF": "AFG", "AG": "DZA", "AJ": "AZE", "AL": "ALB", "AM": "ARM",
    "AN": "AND", "AO": "AGO", "AQ": "ASM", "AR": "ARG", "AS": "AUS", "AU": "AUT", "AV": "AIA", "AY": "ATA",
    "BA": "BHR", "BB": "BRB", "BC": "BWA", "BD": "BMU", "BE": "BEL", "BF": "BHS", "BG": "BGD", "BH": "BLZ",
    "BK": "BIH", "BL": "BOL", "BM": "MMR", "BN": "BEN", "BO": "BLR", "BP": "SLB", "BQ": "UMI", "BR": "BRA",
    "BT": "BTN", "BU": "BGR", "BV": "BVT", "BX": "BRN", "BY": "BDI",
    "CA": "CAN", "CB": "KHM", "CD": "TCD", "CE": "LKA", "CF": "COG", "CG": "COD", "CH": "CHN", "CI": "CHL",
    "CJ": "CYM", "CK": "CCK", "CM": "CMR", "CN": "COM", "CO": "COL", "CQ": "MNP", "CS": "CRI", "CT": "CAF",
    "CU": "CUB", "CV": "CPV", "CW": "COK", "CY": "CYP",
    "DA": "DNK", "DJ": "DJI", "DO": "DMA", "DQ": "UMI", "DR": "DOM",
    "EC": "ECU", "EG": "EGY", "EI": "IRL", "EK": "GNQ", "EN": "EST", "ER": "ERI", "ES": "SLV", "ET": "ETH",
    "EZ": "CZE",
    "FG": "GUF", "FI": "FIN", "FJ": "FJI", "FK": "FLK", "FM": "FSM", "FO": "FRO", "FP": "PYF", "FQ": "UMI",
    "FR": "FRA", "FS": "ATF",
    "GA": "GMB", "GB": "GAB", "GG": "GEO", "GH": "GHA", "GI": "GIB", "GJ": "GRD", "GK": "GGY", "GL": "GRL",
    "GM": "DEU", "GP": "GLP", "GQ": "GUM", "GR": "GRC", "GT": "GTM", "GV": "GIN", "GY": "GUY", "GZ": "PSE",
    "HA": "HTI", "HK": "HKG", "HM": "HMD", "HO": "HND", "HQ": "UMI", "HR": "HRV", "HU": "HUN",
    "IC": "ISL", "ID": "IDN", "IM": "IMN", "IN": "IND", "IO": "IOT", "IR": "IRN", "IS": "ISR", "IT": "ITA",
    "IV": "CIV", "IZ": "IRQ",
    "JA": "JPN", "JE": "JEY", "JM": "JAM", "JN": "SJM", "JO": "JOR", "JQ": "UMI",
    "KE": "KEN", "KG": "KGZ", "KN": "PRK", "KQ": "UMI", "KR": "KIR", "KS": "KOR", "KT": "CXR", "KU": "KWT",
    "KV": "XKX", "KZ": "KAZ",
    "LA": "LAO", "LE": "LBN", "LG": "LVA", "LH": "LTU", "LI": "LBR", "LO": "SVK", "LQ": "UMI", "LS": "LIE",
    "LT": "LSO", "LU": "LUX", "LY": "LBY",
    "MA": "MDG", "MB": "MTQ", "MC": "MAC", "MD": "MDA", "MF": "MYT", "MG": "MNG", "MH": "MSR", "MI": "MWI",
    "MJ": "MNE", "MK": "MKD", "ML": "MLI", "MN": "MCO", "MO": "MAR", "MP": "MUS", "MQ": "UMI", "MR": "MRT",
    "MT": "MLT", "MU": "OMN", "MV": "MDV", "MW": "MNE", "MX": "MEX", "MY": "MYS", "MZ": "MOZ",
    "NC": "NCL", "NE": "NIU", "NF": "NFK", "NG": "NER", "NH": "VUT", "NI": "NGA", "NL": "NLD", "NN": "SXM",
    "NO": "NOR", "NP": "NPL", "NR": "NRU", "NS": "SUR", "NU": "NIC", "NZ": "NZL",
    "OD": "SSD",
    "PA": "PRY", "PC": "PCN", "PE": "PER", "PK": "PAK", "PL": "POL", "PM": "PAN", "PO": "PRT", "PP": "PNG",
    "PS": "PLW", "PU": "GNB",
    "QA": "QAT",
    "RB": "SRB", "RE": "REU", "RI": "SRB", "RM": "MHL", "RN": "MAF", "RO": "ROU", "RP": "PHL", "RQ": "PRI",
    "RS": "RUS", "RW": "RWA",
    "SA": "SAU", "SB": "SPM", "SC": "KNA", "SE": "SYC", "SF": "ZAF", "SG": "SEN", "SH": "SHN", "SI": "SVN",
    "SL": "SLE", "SM": "SMR", "SN": "SGP", "SO": "SOM", "SP": "ESP", "ST": "LCA", "SU": "SDN", "SV": "SJM",
    "SW": "SWE", "SX": "SGS", "SY": "SYR", "SZ": "CHE",
    "TB": "BLM", "TD": "TTO", "TH": "THA", "TI": "TJK", "TK": "TCA", "TL": "TKL", "TN": "TON", "TO": "TGO",
    "TP": "STP", "TS": "TUN", "TT": "TLS", "TU": "TUR", "TV": "TUV", "TW": "TWN", "TX": "TKM", "TZ": "TZA",
    "UC": "CUW", "UG": "UGA", "UK": "GBR", "UP": "UKR", "US": "USA", "UV": "BFA", "UY": "URY", "UZ": "UZB",
    "VC": "VCT", "VE": "VEN", "VI": "VGB", "VM": "VNM", "VQ": "VIR", "VT": "VAT",
    "WA": "NAM", "WE": "PSE", "WF": "WLF", "WI": "ESH", "WQ": "UMI", "WS": "WSM", "WZ": "SWZ",
    "YI": "SRB", "YM": "YEM",
    "ZA": "ZMB", "ZI": "ZWE",
}
"""FIPS 10-4 country codes (as GDELT's geo fields use them) → ISO alpha-3.

Left out on purpose, because no ISO country stands for them: AT, AX, BS, CR, DX, EU, GO, IP, JU, NM, OS, PF, PG
and TE (small islands, sovereign base areas, no man's land and the oceans), and NT (a dissolved territory).
YI (a dissolved federation) maps to its successor SRB."""


def cameo_to_iso3(code: str | None, known: set[str]) -> str | None:
    """ISO alpha-3 for a CAMEO country code, when it names a country in `known`."""
    if not code:
        return None
    iso3 = CAMEO_EXCEPTIONS.get(code.upper(), code.upper())
    return iso3 if iso3 in known else None


def fips_to_iso3(code: str | None, known: set[str]) -> str | None:
    """ISO alpha-3 for a FIPS 10-4 country code, when it names a country in `known`."""
    if not code:
        return None
    iso3 = FIPS_TO_ISO3.get(code.upper())
    return iso3 if iso3 in known else None


def code_tables(known: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(cameo, iso3) and (fips, iso3) pairs for the countries in `known`, for the importers' SQL lookups
    (GDELT casts a code to an inline ENUM of these codes and picks the ISO code by its index)."""
    cameo = {c: c for c in known if len(c) == 3}
    cameo.update({k: v for k, v in CAMEO_EXCEPTIONS.items() if v in known})
    fips = {k: v for k, v in FIPS_TO_ISO3.items() if v in known}
    return sorted(cameo.items()), sorted(fips.items())
