"""Short forms that news text uses for countries, US states and Australian and Canadian
provinces, which GeoNames lacks.

AP style writes states as "Kan.", "W.Va.", "N.Y." in datelines and after
town names; Australian and Canadian papers write "NSW", "Qld", "B.C.", "Ont.";
"U.S.", "UK" and "UAE" are how most articles name those countries. General
reference data, added to the gazetteer's alternate names. Forms that are
also common words or other places' names ("SA", "WA", "Vic", "Man.") are left out.
"""

#: ISO 3166-1 alpha-2 -> short forms.
COUNTRIES = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Congo Republic"),
    "CN": ("PRC",),
    "KR": ("South Korea", "ROK"),
    "KP": ("North Korea", "DPRK"),
    "RU": ("Russian Federation",),
    "SY": ("Syria",),
    "IR": ("Iran",),
    "VN": ("Vietnam",),
    "LA": ("Laos",),
    "CZ": ("Czech Republic",),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "TW": ("Taiwan",),
    "VA": ("Vatican",),
}

#: US state (GeoNames ASCII name) -> AP style abbreviations.
US_STATES = {
    "Alabama": ("Ala.",), "Arizona": ("Ariz.",), "Arkansas": ("Ark.",),
    "California": ("Calif.", "Cal."), "Colorado": ("Colo.",), "Connecticut": ("Conn.",),
    "Delaware": ("Del.",), "District of Columbia": ("D.C.", "Washington D.C.", "Washington, D.C."),
    "Florida": ("Fla.",), "Georgia": ("Ga.",), "Illinois": ("Ill.",), "Indiana": ("Ind.",),
    "Kansas": ("Kan.", "Kans."), "Kentucky": ("Ky.",), "Louisiana": ("La.",),
    "Maryland": ("Md.",), "Massachusetts": ("Mass.",), "Michigan": ("Mich.",),
    "Minnesota": ("Minn.",), "Mississippi": ("Miss.",), "Missouri": ("Mo.",),
    "Montana": ("Mont.",), "Nebraska": ("Neb.", "Nebr."), "Nevada": ("Nev.",),
    "New Hampshire": ("N.H.",), "New Jersey": ("N.J.",), "New Mexico": ("N.M.", "N.Mex."),
    "New York": ("N.Y.",), "North Carolina": ("N.C.",), "North Dakota": ("N.D.", "N.Dak."),
    "Oklahoma": ("Okla.",), "Oregon": ("Ore.", "Oreg."), "Pennsylvania": ("Pa.", "Penn."),
    "Rhode Island": ("R.I.",), "South Carolina": ("S.C.",), "South Dakota": ("S.D.", "S.Dak."),
    "Tennessee": ("Tenn.",), "Texas": ("Tex.",), "Vermont": ("Vt.",), "Virginia": ("Va.",),
    "Washington": ("Wash.",), "West Virginia": ("W.Va.", "W. Va."), "Wisconsin": ("Wis.", "Wisc."),
    "Wyoming": ("Wyo.",),
}

#: Country code -> {admin1 (GeoNames ASCII name) -> short forms}.
ADMIN1 = {
    "US": US_STATES,
    "AU": {
        "New South Wales": ("NSW", "N.S.W."), "Queensland": ("Qld", "QLD"),
        "Australian Capital Territory": ("A.C.T.",), "Tasmania": ("Tas.",),
    },
    "CA": {
        "British Columbia": ("B.C.",), "Ontario": ("Ont.",), "Quebec": ("Que.",), "Alberta": ("Alta.",),
        "Saskatchewan": ("Sask.",), "Newfoundland and Labrador": ("Nfld.", "Newfoundland"),
        "Prince Edward Island": ("P.E.I.", "PEI"), "Nova Scotia": ("N.S.",), "New Brunswick": ("N.B.",),
        "Northwest Territories": ("N.W.T.", "NWT"),
    },
}
