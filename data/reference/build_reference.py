# ruff: noqa: E501  (the ASSIGNMENTS table is kept one code per line for review)
"""Build the typed reference classifications in ``data/reference``.

Run from anywhere:  ``.venv/bin/python data/reference/build_reference.py``

It writes (and then checks) five CSV files:

* ``nace_r2_sections.csv``   the 21 NACE Rev. 2 sections;
* ``nace_r2_divisions.csv``  the 88 NACE Rev. 2 divisions, with a flag saying whether the division
  appears as a 2-digit code in the Eurostat regional SBS file ``sbs_r_nuts06_r2`` (computed from
  the file in ``shared/data/external``, never typed in);
* ``ecosystems.csv``         the 14 industrial ecosystems (ECCP labels and Commission names);
* ``ecosystem_nace.csv``     NACE codes assigned to each ecosystem (division, group or class);
* ``ecosystem_division.csv`` the division-level mapping derived from ``ecosystem_nace.csv``.

The ecosystem-to-NACE assignment below is a documented *reconstruction* (see README.md): the
official annex of SWD(2021) 351 with its NACE lists and weights could not be retrieved, so the
codes were chosen from the Commission's published scope descriptions of each ecosystem.
"""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parents[1]
SBS_FILE = (
    PROJECT_ROOT.parent
    / "shared"
    / "data"
    / "external"
    / "eurostat_sbs_2017"
    / "sbs_r_nuts06_r2.tsv.gz"
)

# ---------------------------------------------------------------------------------------------
# NACE Rev. 2: sections and divisions (Regulation (EC) No 1893/2006, Annex I; English titles as
# in Eurostat's NACE Rev. 2 classification, 2008).
# ---------------------------------------------------------------------------------------------
SECTIONS = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation activities",
    "F": "Construction",
    "G": "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Administrative and support service activities",
    "O": "Public administration and defence; compulsory social security",
    "P": "Education",
    "Q": "Human health and social work activities",
    "R": "Arts, entertainment and recreation",
    "S": "Other service activities",
    "T": (
        "Activities of households as employers; undifferentiated goods- and "
        "services-producing activities of households for own use"
    ),
    "U": "Activities of extraterritorial organisations and bodies",
}

DIVISIONS = [  # (section, code, title)
    ("A", "01", "Crop and animal production, hunting and related service activities"),
    ("A", "02", "Forestry and logging"),
    ("A", "03", "Fishing and aquaculture"),
    ("B", "05", "Mining of coal and lignite"),
    ("B", "06", "Extraction of crude petroleum and natural gas"),
    ("B", "07", "Mining of metal ores"),
    ("B", "08", "Other mining and quarrying"),
    ("B", "09", "Mining support service activities"),
    ("C", "10", "Manufacture of food products"),
    ("C", "11", "Manufacture of beverages"),
    ("C", "12", "Manufacture of tobacco products"),
    ("C", "13", "Manufacture of textiles"),
    ("C", "14", "Manufacture of wearing apparel"),
    ("C", "15", "Manufacture of leather and related products"),
    (
        "C",
        "16",
        "Manufacture of wood and of products of wood and cork, except furniture; "
        "manufacture of articles of straw and plaiting materials",
    ),
    ("C", "17", "Manufacture of paper and paper products"),
    ("C", "18", "Printing and reproduction of recorded media"),
    ("C", "19", "Manufacture of coke and refined petroleum products"),
    ("C", "20", "Manufacture of chemicals and chemical products"),
    ("C", "21", "Manufacture of basic pharmaceutical products and pharmaceutical preparations"),
    ("C", "22", "Manufacture of rubber and plastic products"),
    ("C", "23", "Manufacture of other non-metallic mineral products"),
    ("C", "24", "Manufacture of basic metals"),
    ("C", "25", "Manufacture of fabricated metal products, except machinery and equipment"),
    ("C", "26", "Manufacture of computer, electronic and optical products"),
    ("C", "27", "Manufacture of electrical equipment"),
    ("C", "28", "Manufacture of machinery and equipment n.e.c."),
    ("C", "29", "Manufacture of motor vehicles, trailers and semi-trailers"),
    ("C", "30", "Manufacture of other transport equipment"),
    ("C", "31", "Manufacture of furniture"),
    ("C", "32", "Other manufacturing"),
    ("C", "33", "Repair and installation of machinery and equipment"),
    ("D", "35", "Electricity, gas, steam and air conditioning supply"),
    ("E", "36", "Water collection, treatment and supply"),
    ("E", "37", "Sewerage"),
    ("E", "38", "Waste collection, treatment and disposal activities; materials recovery"),
    ("E", "39", "Remediation activities and other waste management services"),
    ("F", "41", "Construction of buildings"),
    ("F", "42", "Civil engineering"),
    ("F", "43", "Specialised construction activities"),
    ("G", "45", "Wholesale and retail trade and repair of motor vehicles and motorcycles"),
    ("G", "46", "Wholesale trade, except of motor vehicles and motorcycles"),
    ("G", "47", "Retail trade, except of motor vehicles and motorcycles"),
    ("H", "49", "Land transport and transport via pipelines"),
    ("H", "50", "Water transport"),
    ("H", "51", "Air transport"),
    ("H", "52", "Warehousing and support activities for transportation"),
    ("H", "53", "Postal and courier activities"),
    ("I", "55", "Accommodation"),
    ("I", "56", "Food and beverage service activities"),
    ("J", "58", "Publishing activities"),
    (
        "J",
        "59",
        "Motion picture, video and television programme production, sound recording and "
        "music publishing activities",
    ),
    ("J", "60", "Programming and broadcasting activities"),
    ("J", "61", "Telecommunications"),
    ("J", "62", "Computer programming, consultancy and related activities"),
    ("J", "63", "Information service activities"),
    ("K", "64", "Financial service activities, except insurance and pension funding"),
    ("K", "65", "Insurance, reinsurance and pension funding, except compulsory social security"),
    ("K", "66", "Activities auxiliary to financial services and insurance activities"),
    ("L", "68", "Real estate activities"),
    ("M", "69", "Legal and accounting activities"),
    ("M", "70", "Activities of head offices; management consultancy activities"),
    ("M", "71", "Architectural and engineering activities; technical testing and analysis"),
    ("M", "72", "Scientific research and development"),
    ("M", "73", "Advertising and market research"),
    ("M", "74", "Other professional, scientific and technical activities"),
    ("M", "75", "Veterinary activities"),
    ("N", "77", "Rental and leasing activities"),
    ("N", "78", "Employment activities"),
    ("N", "79", "Travel agency, tour operator and other reservation service and related activities"),
    ("N", "80", "Security and investigation activities"),
    ("N", "81", "Services to buildings and landscape activities"),
    ("N", "82", "Office administrative, office support and other business support activities"),
    ("O", "84", "Public administration and defence; compulsory social security"),
    ("P", "85", "Education"),
    ("Q", "86", "Human health activities"),
    ("Q", "87", "Residential care activities"),
    ("Q", "88", "Social work activities without accommodation"),
    ("R", "90", "Creative, arts and entertainment activities"),
    ("R", "91", "Libraries, archives, museums and other cultural activities"),
    ("R", "92", "Gambling and betting activities"),
    ("R", "93", "Sports activities and amusement and recreation activities"),
    ("S", "94", "Activities of membership organisations"),
    ("S", "95", "Repair of computers and personal and household goods"),
    ("S", "96", "Other personal service activities"),
    ("T", "97", "Activities of households as employers of domestic personnel"),
    (
        "T",
        "98",
        "Undifferentiated goods- and services-producing activities of private households "
        "for own use",
    ),
    ("U", "99", "Activities of extraterritorial organisations and bodies"),
]

# ---------------------------------------------------------------------------------------------
# The 14 industrial ecosystems. `ecosystem` is the label exactly as printed in Tables 2-3 of the
# ECCP discussion paper (seed 000, without the "E01. " prefix); `asmr_name` is the name used by
# the Commission in the 2021 industrial strategy update and the Annual Single Market Report 2021.
# ---------------------------------------------------------------------------------------------
ECOSYSTEMS = [
    ("E01", "Tourism", "Tourism"),
    ("E02", "Aerospace & Defence", "Aerospace & Defence"),
    ("E03", "Agri-food", "Agri-food"),
    ("E04", "Construction", "Construction"),
    ("E05", "Creative & Cultural Industries", "Cultural & Creative Industries"),
    ("E06", "Digital", "Digital"),
    ("E07", "Electronics", "Electronics"),
    ("E08", "Energy Intensive Industries", "Energy Intensive Industries"),
    ("E09", "Health", "Health"),
    ("E10", "Mobility-Transport-Automotive", "Mobility-Transport-Automotive"),
    ("E11", "Proximity & Social Economy", "Proximity, Social Economy & Civil Security"),
    ("E12", "Renewable Energy", "Energy-Renewables"),
    ("E13", "Retail", "Retail"),
    ("E14", "Textile", "Textile"),
]

# Where each ecosystem's scope is described (the EMI pages follow the ASMR 2021 scoping). No EMI
# page was found for Digital and Energy Intensive Industries: their notes point to the ASMR.
# Each code's source_note ends with the URL of the description it rests on.
EMI = "https://monitor-industrial-ecosystems.ec.europa.eu/industrial-ecosystems/"
ASMR = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52021SC0351"
SCOPE_URL = {
    "E01": EMI + "tourism",
    "E02": EMI + "aerospace-and-defence",
    "E03": EMI + "agri-food",
    "E04": EMI + "construction",
    "E05": EMI + "creative-and-cultural-industries",
    "E06": ASMR,
    "E07": EMI + "electronics",
    "E08": ASMR,
    "E09": EMI + "health",
    "E10": EMI + "mobility-transport-automotive",
    "E11": EMI + "proximity-and-social-economy",
    "E12": EMI + "energy-renewables",
    "E13": EMI + "retail",
    "E14": EMI + "textiles",
}

# (ecosystem_id, nace_code, NACE title of the code, note). The note says which part of the
# published scope description the code stands for; "[judgement]" marks codes chosen by us where
# the description names an activity but no NACE code.
ASSIGNMENTS = [
    # E01 Tourism: the EMI tourism page names NACE divisions (land, water and air transport,
    # accommodation and food services, travel agencies, office support, R90-R93) and says they
    # enter the ASMR statistics with different weights; transport and office support are cut
    # down here to their passenger / event parts because the weights are not published.
    ("E01", "H49.1", "Passenger rail transport, interurban", "EMI lists 'land transport'; passenger part only [judgement]"),
    ("E01", "H49.3", "Other passenger land transport", "EMI lists 'land transport'; passenger part only [judgement]"),
    ("E01", "H50.1", "Sea and coastal passenger water transport", "EMI lists 'water transport'; passenger part only [judgement]"),
    ("E01", "H50.3", "Inland passenger water transport", "EMI lists 'water transport'; passenger part only [judgement]"),
    ("E01", "H51.1", "Passenger air transport", "EMI lists 'air transport'; passenger part only [judgement]"),
    ("E01", "I55", "Accommodation", "EMI lists accommodation"),
    ("E01", "I56", "Food and beverage service activities", "EMI lists food service activities"),
    ("E01", "N79", "Travel agency, tour operator and other reservation service and related activities", "EMI lists travel agencies and tour operators"),
    ("E01", "N82.3", "Organisation of conventions and trade shows", "EMI lists office administrative and business support; event part only [judgement]"),
    ("E01", "R90", "Creative, arts and entertainment activities", "EMI lists creative, arts and entertainment"),
    ("E01", "R91", "Libraries, archives, museums and other cultural activities", "EMI lists libraries, archives, museums"),
    ("E01", "R92", "Gambling and betting activities", "EMI lists gambling and betting"),
    ("E01", "R93", "Sports activities and amusement and recreation activities", "EMI lists sports, amusement and recreation"),
    # E02 Aerospace & Defence: aeronautics, space and defence manufacturers (EMI page gives no
    # codes); the NACE groups for aircraft/spacecraft, weapons and military vehicles.
    ("E02", "C25.4", "Manufacture of weapons and ammunition", "defence manufacturing [judgement]"),
    ("E02", "C30.3", "Manufacture of air and spacecraft and related machinery", "aeronautics and space manufacturing [judgement]"),
    ("E02", "C30.4", "Manufacture of military fighting vehicles", "defence manufacturing [judgement]"),
    ("E02", "C33.16", "Repair and maintenance of aircraft and spacecraft", "aeronautics maintenance [judgement]"),
    # E03 Agri-food: farming, fishing, food and beverage manufacturing, farm inputs such as
    # machinery, food wholesale, food retail and food service; forestry, logging, hunting and
    # agricultural chemicals are excluded by the EMI description.
    ("E03", "A01", "Crop and animal production, hunting and related service activities", "agriculture and farming (EMI excludes hunting, 01.7, a very small part)"),
    ("E03", "A03", "Fishing and aquaculture", "fishers are part of the food supply chain"),
    ("E03", "C10", "Manufacture of food products", "food processing"),
    ("E03", "C11", "Manufacture of beverages", "beverage production"),
    ("E03", "C28.3", "Manufacture of agricultural and forestry machinery", "input suppliers: farm machinery [judgement]"),
    ("E03", "G46.2", "Wholesale of agricultural raw materials and live animals", "wholesale in the food supply chain [judgement]"),
    ("E03", "G46.3", "Wholesale of food, beverages and tobacco", "food wholesale [judgement]"),
    ("E03", "G47.11", "Retail sale in non-specialised stores with food, beverages or tobacco predominating", "food retail [judgement]"),
    ("E03", "G47.2", "Retail sale of food, beverages and tobacco in specialised stores", "food retail [judgement]"),
    ("E03", "I56", "Food and beverage service activities", "food service"),
    # E04 Construction: contractors, certain construction-product manufacturers, architecture and
    # engineering, rental of construction machinery, construction machinery, facility management,
    # cleaning and landscaping. Horizontal services the EMI page also mentions (employment
    # agencies, legal, consulting, waste, utilities) are left out: without the ASMR weights they
    # would bring whole unrelated divisions into the ecosystem.
    ("E04", "C16.23", "Manufacture of other builders' carpentry and joinery", "construction products [judgement]"),
    ("E04", "C23.6", "Manufacture of articles of concrete, cement and plaster", "construction products [judgement]"),
    ("E04", "C25.1", "Manufacture of structural metal products", "construction products [judgement]"),
    ("E04", "C28.92", "Manufacture of machinery for mining, quarrying and construction", "construction-related machinery [judgement]"),
    ("E04", "F41", "Construction of buildings", "contractors: buildings"),
    ("E04", "F42", "Civil engineering", "contractors: infrastructure"),
    ("E04", "F43", "Specialised construction activities", "specialised construction activities"),
    ("E04", "M71.1", "Architectural and engineering activities and related technical consultancy", "engineering and architectural services"),
    ("E04", "N77.32", "Renting and leasing of construction and civil engineering machinery and equipment", "rental and leasing of machinery and equipment"),
    ("E04", "N81", "Services to buildings and landscape activities", "facility management, cleaning, landscaping"),
    # E05 Cultural & Creative Industries: architecture, archives/libraries/museums, artistic
    # crafts, audiovisual (film, TV, video games), design, music, books and publishing, radio,
    # performing and visual arts.
    ("E05", "C32.12", "Manufacture of jewellery and related articles", "artistic crafts [judgement]"),
    ("E05", "C32.2", "Manufacture of musical instruments", "music: instruments [judgement]"),
    ("E05", "J58", "Publishing activities", "books and publishing; video games (58.21)"),
    ("E05", "J59", "Motion picture, video and television programme production, sound recording and music publishing activities", "audiovisual and music"),
    ("E05", "J60", "Programming and broadcasting activities", "radio and television"),
    ("E05", "M71.11", "Architectural activities", "architecture"),
    ("E05", "M74.1", "Specialised design activities", "design, including fashion design"),
    ("E05", "M74.2", "Photographic activities", "visual arts: photography [judgement]"),
    ("E05", "R90", "Creative, arts and entertainment activities", "performing arts, visual arts, festivals"),
    ("E05", "R91", "Libraries, archives, museums and other cultural activities", "archives, libraries, museums, cultural heritage"),
    # E06 Digital: ICT services, software, ICT wholesale and repair (the ICT-services part of the
    # OECD/Eurostat ICT sector); ICT manufacturing is put in Electronics (E07).
    ("E06", "G46.5", "Wholesale of information and communication equipment", "ICT trade [judgement]"),
    ("E06", "J58.2", "Software publishing", "software [judgement]"),
    ("E06", "J61", "Telecommunications", "telecommunications [judgement]"),
    ("E06", "J62", "Computer programming, consultancy and related activities", "computer programming and IT services [judgement]"),
    ("E06", "J63.1", "Data processing, hosting and related activities; web portals", "data processing, hosting, platforms [judgement]"),
    ("E06", "S95.1", "Repair of computers and communication equipment", "ICT repair [judgement]"),
    # E07 Electronics: components and semiconductors, electronic and optical products,
    # industrial and power electronics.
    ("E07", "C26", "Manufacture of computer, electronic and optical products", "electronic components, semiconductors and electronic products"),
    ("E07", "C27.1", "Manufacture of electric motors, generators, transformers and electricity distribution and control apparatus", "power and industrial electronics [judgement]"),
    ("E07", "C33.13", "Repair of electronic and optical equipment", "repair of electronics [judgement]"),
    # E08 Energy Intensive Industries: extractive industries, chemicals, steel and other basic
    # metals, paper, plastics and rubber, ceramics, glass, cement, lime, refineries.
    ("E08", "B05", "Mining of coal and lignite", "extractive industries [judgement]"),
    ("E08", "B06", "Extraction of crude petroleum and natural gas", "extractive industries [judgement]"),
    ("E08", "B07", "Mining of metal ores", "extractive industries: raw materials [judgement]"),
    ("E08", "B08", "Other mining and quarrying", "extractive industries: raw materials [judgement]"),
    ("E08", "B09", "Mining support service activities", "extractive industries [judgement]"),
    ("E08", "C17", "Manufacture of paper and paper products", "pulp and paper"),
    ("E08", "C19", "Manufacture of coke and refined petroleum products", "refineries"),
    ("E08", "C20", "Manufacture of chemicals and chemical products", "chemicals"),
    ("E08", "C22", "Manufacture of rubber and plastic products", "plastics and rubber [judgement]"),
    ("E08", "C23", "Manufacture of other non-metallic mineral products", "cement, lime, glass, ceramics"),
    ("E08", "C24", "Manufacture of basic metals", "steel and non-ferrous metals"),
    # E09 Health: pharmaceuticals, medical devices and equipment, healthcare services (medical
    # and residential care) and related distribution.
    ("E09", "C21", "Manufacture of basic pharmaceutical products and pharmaceutical preparations", "pharmaceuticals and their key inputs"),
    ("E09", "C26.6", "Manufacture of irradiation, electromedical and electrotherapeutic equipment", "medical equipment"),
    ("E09", "C32.5", "Manufacture of medical and dental instruments and supplies", "medical devices"),
    ("E09", "G46.46", "Wholesale of pharmaceutical goods", "related services: distribution of medicines [judgement]"),
    ("E09", "G47.73", "Dispensing chemist in specialised stores", "related services: pharmacies [judgement]"),
    ("E09", "G47.74", "Retail sale of medical and orthopaedic goods in specialised stores", "related services: medical retail [judgement]"),
    ("E09", "Q86", "Human health activities", "healthcare services: medical care"),
    ("E09", "Q87", "Residential care activities", "healthcare services: residential care"),
    # E10 Mobility-Transport-Automotive: automotive, rail and waterborne (plus cycling), their
    # manufacturing, sale, repair and transport services.
    ("E10", "C29", "Manufacture of motor vehicles, trailers and semi-trailers", "automotive"),
    ("E10", "C30.1", "Building of ships and boats", "waterborne"),
    ("E10", "C30.2", "Manufacture of railway locomotives and rolling stock", "rail"),
    ("E10", "C30.9", "Manufacture of transport equipment n.e.c.", "motorcycles and bicycles (cycling)"),
    ("E10", "C33.15", "Repair and maintenance of ships and boats", "waterborne [judgement]"),
    ("E10", "C33.17", "Repair and maintenance of other transport equipment", "rail [judgement]"),
    ("E10", "G45", "Wholesale and retail trade and repair of motor vehicles and motorcycles", "automotive sales and repair [judgement]"),
    ("E10", "H49", "Land transport and transport via pipelines", "rail and road transport services [judgement]"),
    ("E10", "H50", "Water transport", "waterborne transport services [judgement]"),
    ("E10", "H51", "Air transport", "transport services, air [judgement]"),
    ("E10", "H52", "Warehousing and support activities for transportation", "transport support services [judgement]"),
    ("E10", "N77.1", "Renting and leasing of motor vehicles", "automotive rental [judgement]"),
    # E11 Proximity, Social Economy & Civil Security: personal and contact services, bars and
    # restaurants, repair, cleaning and maintenance; social economy; civil security. Small shops
    # are also named, but "small" is a firm size, not a NACE class: retail is left to E13.
    ("E11", "I56", "Food and beverage service activities", "bars and restaurants"),
    ("E11", "N80", "Security and investigation activities", "civil security [judgement]"),
    ("E11", "N81.2", "Cleaning activities", "cleaning and maintenance"),
    ("E11", "Q88", "Social work activities without accommodation", "social economy [judgement]"),
    ("E11", "S94", "Activities of membership organisations", "social economy: associations [judgement]"),
    ("E11", "S95.2", "Repair of personal and household goods", "repair"),
    ("E11", "S96", "Other personal service activities", "personal and contact services"),
    # E12 Renewable Energy: production, distribution and management of energy from renewable
    # sources, in about ten NACE divisions "including electricity, gas, steam and air
    # conditioning supply [and] manufacture of electrical equipment" (EMI page); equipment
    # makers for wind, hydro, solar and heat pumps.
    ("E12", "C26.11", "Manufacture of electronic components", "solar photovoltaic cells [judgement]"),
    ("E12", "C27", "Manufacture of electrical equipment", "EMI names the division 'manufacture of electrical equipment'"),
    ("E12", "C28.11", "Manufacture of engines and turbines, except aircraft, vehicle and cycle engines", "wind and hydro turbines [judgement]"),
    ("E12", "C28.25", "Manufacture of non-domestic cooling and ventilation equipment", "heat pumps [judgement]"),
    ("E12", "D35", "Electricity, gas, steam and air conditioning supply", "EMI names the division 'electricity, gas, steam and air conditioning supply'"),
    # E13 Retail: retail, wholesale of consumer products and parcel delivery.
    ("E13", "G46.3", "Wholesale of food, beverages and tobacco", "wholesale of consumer products"),
    ("E13", "G46.4", "Wholesale of household goods", "wholesale of consumer products"),
    ("E13", "G47", "Retail trade, except of motor vehicles and motorcycles", "retail, grocery and non-grocery, offline and online"),
    ("E13", "H53.2", "Other postal and courier activities", "parcel delivery"),
    # E14 Textile: textiles, clothing, leather and footwear, and their distribution by agents,
    # wholesalers and retailers.
    ("E14", "C13", "Manufacture of textiles", "textiles"),
    ("E14", "C14", "Manufacture of wearing apparel", "clothing"),
    ("E14", "C15", "Manufacture of leather and related products", "leather and footwear"),
    ("E14", "G46.16", "Agents involved in the sale of textiles, clothing, fur, footwear and leather goods", "distribution: agents"),
    ("E14", "G46.41", "Wholesale of textiles", "distribution: wholesalers"),
    ("E14", "G46.42", "Wholesale of clothing and footwear", "distribution: wholesalers"),
    ("E14", "G47.51", "Retail sale of textiles in specialised stores", "distribution: retailers"),
    ("E14", "G47.71", "Retail sale of clothing in specialised stores", "distribution: retailers"),
    ("E14", "G47.72", "Retail sale of footwear and leather goods in specialised stores", "distribution: retailers"),
]

CODE_RE = re.compile(r"^([A-U])(\d{2})(?:\.(\d)(\d)?)?$")

# ---------------------------------------------------------------------------------------------
# NAICS 2007 subsectors (3-digit) -> NACE Rev. 2 divisions: the correspondence through which the
# U.S. Cluster Mapping Project's cluster definitions (NAICS 2007 6-digit industries) are read
# for NACE divisions. Digitised by hand from the structure of the official concordances (U.S.
# Census Bureau, 2017 NAICS to ISIC Rev. 4 and 2007 NAICS to 2012 NAICS; Eurostat RAMON,
# NACE Rev. 2 - ISIC Rev. 4 correspondence, which is one-to-one at division level). A row says
# that a sizeable part of the subsector's industries lies in the division. `judgement` rows are
# our calls where the concordance splits a subsector at 6-digit level (the note says which
# industries go where, and why the row is kept or left out). Only the 87 subsectors that occur
# in the CMP definitions are listed (crop and animal production, postal service, households and
# public administration are not in the CMP's cluster definitions).
# ---------------------------------------------------------------------------------------------
NAICS_SUBSECTORS = {  # NAICS 2007 subsector titles (U.S. Census Bureau)
    "113": "Forestry and Logging",
    "114": "Fishing, Hunting and Trapping",
    "115": "Support Activities for Agriculture and Forestry",
    "211": "Oil and Gas Extraction",
    "212": "Mining (except Oil and Gas)",
    "213": "Support Activities for Mining",
    "221": "Utilities",
    "236": "Construction of Buildings",
    "237": "Heavy and Civil Engineering Construction",
    "238": "Specialty Trade Contractors",
    "311": "Food Manufacturing",
    "312": "Beverage and Tobacco Product Manufacturing",
    "313": "Textile Mills",
    "314": "Textile Product Mills",
    "315": "Apparel Manufacturing",
    "316": "Leather and Allied Product Manufacturing",
    "321": "Wood Product Manufacturing",
    "322": "Paper Manufacturing",
    "323": "Printing and Related Support Activities",
    "324": "Petroleum and Coal Products Manufacturing",
    "325": "Chemical Manufacturing",
    "326": "Plastics and Rubber Products Manufacturing",
    "327": "Nonmetallic Mineral Product Manufacturing",
    "331": "Primary Metal Manufacturing",
    "332": "Fabricated Metal Product Manufacturing",
    "333": "Machinery Manufacturing",
    "334": "Computer and Electronic Product Manufacturing",
    "335": "Electrical Equipment, Appliance, and Component Manufacturing",
    "336": "Transportation Equipment Manufacturing",
    "337": "Furniture and Related Product Manufacturing",
    "339": "Miscellaneous Manufacturing",
    "423": "Merchant Wholesalers, Durable Goods",
    "424": "Merchant Wholesalers, Nondurable Goods",
    "425": "Wholesale Electronic Markets and Agents and Brokers",
    "441": "Motor Vehicle and Parts Dealers",
    "442": "Furniture and Home Furnishings Stores",
    "443": "Electronics and Appliance Stores",
    "444": "Building Material and Garden Equipment and Supplies Dealers",
    "445": "Food and Beverage Stores",
    "446": "Health and Personal Care Stores",
    "447": "Gasoline Stations",
    "448": "Clothing and Clothing Accessories Stores",
    "451": "Sporting Goods, Hobby, Book, and Music Stores",
    "452": "General Merchandise Stores",
    "453": "Miscellaneous Store Retailers",
    "454": "Nonstore Retailers",
    "481": "Air Transportation",
    "483": "Water Transportation",
    "484": "Truck Transportation",
    "485": "Transit and Ground Passenger Transportation",
    "486": "Pipeline Transportation",
    "487": "Scenic and Sightseeing Transportation",
    "488": "Support Activities for Transportation",
    "492": "Couriers and Messengers",
    "493": "Warehousing and Storage",
    "511": "Publishing Industries (except Internet)",
    "512": "Motion Picture and Sound Recording Industries",
    "515": "Broadcasting (except Internet)",
    "516": "Internet Publishing and Broadcasting",
    "517": "Telecommunications",
    "518": "Data Processing, Hosting, and Related Services",
    "519": "Other Information Services",
    "521": "Monetary Authorities-Central Bank",
    "522": "Credit Intermediation and Related Activities",
    "523": "Securities, Commodity Contracts, and Other Financial Investments and Related Activities",
    "524": "Insurance Carriers and Related Activities",
    "525": "Funds, Trusts, and Other Financial Vehicles",
    "531": "Real Estate",
    "532": "Rental and Leasing Services",
    "533": "Lessors of Nonfinancial Intangible Assets (except Copyrighted Works)",
    "541": "Professional, Scientific, and Technical Services",
    "551": "Management of Companies and Enterprises",
    "561": "Administrative and Support Services",
    "562": "Waste Management and Remediation Services",
    "611": "Educational Services",
    "621": "Ambulatory Health Care Services",
    "622": "Hospitals",
    "623": "Nursing and Residential Care Facilities",
    "624": "Social Assistance",
    "711": "Performing Arts, Spectator Sports, and Related Industries",
    "712": "Museums, Historical Sites, and Similar Institutions",
    "713": "Amusement, Gambling, and Recreation Industries",
    "721": "Accommodation",
    "722": "Food Services and Drinking Places",
    "811": "Repair and Maintenance",
    "812": "Personal and Laundry Services",
    "813": "Religious, Grantmaking, Civic, Professional, and Similar Organizations",
}

J = "[judgement] "
NAICS_NACE = [  # (NAICS subsector, NACE division, note); a note starting with J is our call
    ("113", "A02", ""),
    ("114", "A03", J + "hunting and trapping (1142) is NACE 01.7, a small part left out"),
    ("115", "A01", "support for crop and animal production (1151, 1152) is NACE 01.6"),
    ("115", "A02", "support for forestry (1153) is NACE 02.4"),
    ("211", "B06", ""),
    ("212", "B05", "coal mining (2121)"),
    ("212", "B07", "metal ore mining (2122)"),
    ("212", "B08", "nonmetallic mineral mining and quarrying (2123)"),
    ("213", "B09", "drilling and support on a fee basis is NACE 09.1/09.9, not 06"),
    ("221", "D35", "electric power (2211) and natural gas distribution (2212)"),
    ("221", "E36", "water supply (221310)"),
    ("221", "E37", "sewage treatment (221320)"),
    ("236", "F41", ""),
    ("237", "F42", J + "land subdivision (237210) is NACE 41.1 (development of building projects); left with F42"),
    ("238", "F43", ""),
    ("311", "C10", ""),
    ("312", "C11", "beverages (3121)"),
    ("312", "C12", "tobacco (3122)"),
    ("313", "C13", ""),
    ("314", "C13", "textile furnishings and other textile products are NACE 13.9"),
    ("315", "C14", ""),
    ("316", "C15", ""),
    ("321", "C16", ""),
    ("322", "C17", ""),
    ("323", "C18", ""),
    ("324", "C19", ""),
    ("325", "C20", "all but pharmaceuticals"),
    ("325", "C21", "pharmaceuticals and medicines (3254)"),
    ("326", "C22", ""),
    ("327", "C23", ""),
    ("331", "C24", ""),
    ("332", "C25", J + "valves (33291) are NACE 28.14 and ball bearings (332991) 28.15; left with C25"),
    ("333", "C28", J + "optical instruments and photocopiers (333314, 333315) are NACE 26.7/28.23; left with C28"),
    ("334", "C26", ""),
    ("335", "C27", J + "household appliances (3352) are NACE 27.5, inside C27"),
    ("336", "C29", "motor vehicles, bodies, trailers and parts (3361-3363)"),
    ("336", "C30", "aerospace, railroad, ships, other transport equipment (3364-3369)"),
    ("337", "C31", ""),
    ("339", "C32", "medical equipment (3391) is NACE 32.5; jewellery, sporting goods, toys 32.1-32.4"),
    ("423", "G45", "motor vehicle and parts wholesale (4231) is NACE 45.1/45.3"),
    ("423", "G46", ""),
    ("424", "G46", ""),
    ("425", "G46", "agents and brokers are NACE 46.1"),
    ("441", "G45", J + "boat and recreational vehicle dealers (4412) are NACE 47.64; left with G45"),
    ("442", "G47", ""),
    ("443", "G47", ""),
    ("444", "G47", ""),
    ("445", "G47", ""),
    ("446", "G47", ""),
    ("447", "G47", "automotive fuel retail is NACE 47.3"),
    ("448", "G47", ""),
    ("451", "G47", ""),
    ("452", "G47", ""),
    ("453", "G47", ""),
    ("454", "G47", "mail-order, vending and direct selling are NACE 47.9 and 47.78 (fuel dealers)"),
    ("481", "H51", ""),
    ("483", "H50", ""),
    ("484", "H49", "freight transport by road is NACE 49.4"),
    ("485", "H49", "urban, interurban and taxi transport are NACE 49.3"),
    ("486", "H49", "transport via pipeline is NACE 49.5"),
    ("487", "H49", J + "scenic land transport; scenic water (4872) and air (4879) are NACE 50/51; kept under H49 only"),
    ("488", "H52", J + "support activities for transport are NACE 52.2; towing (48841) and packing are elsewhere"),
    ("492", "H53", ""),
    ("493", "H52", "warehousing and storage is NACE 52.1"),
    ("511", "J58", "includes software publishers (5112), NACE 58.2"),
    ("512", "J59", ""),
    ("515", "J60", ""),
    ("516", "J58", J + "internet publishing (516110) is split over NACE 58, 60 and 63.12"),
    ("516", "J63", J + "web portals are NACE 63.12"),
    ("517", "J61", ""),
    ("518", "J63", "data processing and hosting is NACE 63.11"),
    ("519", "J63", "news agencies and other information services are NACE 63.9"),
    ("519", "R91", "libraries and archives (51912) are NACE 91.01"),
    ("521", "K64", ""),
    ("522", "K64", "depository and nondepository credit (5221, 5222)"),
    ("522", "K66", "activities related to credit intermediation (5223) are NACE 66.1"),
    ("523", "K64", J + "miscellaneous intermediation (523910) is NACE 64.99"),
    ("523", "K66", "securities brokerage, exchanges and portfolio management are NACE 66.1/66.3"),
    ("524", "K65", "insurance carriers (5241)"),
    ("524", "K66", "agencies, brokerages and claims adjusting (5242) are NACE 66.2"),
    ("525", "K64", "investment pools and trusts (5259) are NACE 64.3"),
    ("525", "K65", "insurance and pension funds (5251) are NACE 65.3"),
    ("531", "L68", ""),
    ("532", "N77", ""),
    ("533", "N77", "leasing of intellectual property is NACE 77.4"),
    ("541", "M69", "legal and accounting services (5411, 5412)"),
    ("541", "M71", "architectural, engineering and testing (5413)"),
    ("541", "M74", "specialised design, photography, translation (5414, 54192, 54193)"),
    ("541", "J62", "computer systems design (5415)"),
    ("541", "M70", "management consulting (54161)"),
    ("541", "M72", "scientific research and development (5417)"),
    ("541", "M73", "advertising and market research (5418, 54191)"),
    ("541", "M75", "veterinary services (54194)"),
    ("551", "M70", "head offices are NACE 70.1"),
    ("561", "N78", "employment services (5613)"),
    ("561", "N79", "travel arrangement and reservation (5615)"),
    ("561", "N80", "investigation and security services (5616)"),
    ("561", "N81", "facilities support and services to buildings (5612, 5617)"),
    ("561", "N82", "office administrative and business support services (5611, 5614, 5619)"),
    ("562", "E38", "waste collection, treatment and disposal (5621, 5622)"),
    ("562", "E39", "remediation (56291)"),
    ("611", "P85", ""),
    ("621", "Q86", ""),
    ("622", "Q86", ""),
    ("623", "Q87", ""),
    ("624", "Q88", J + "child day care and vocational rehabilitation are NACE 88.9; emergency relief also 88.9"),
    ("711", "R90", "performing arts, promoters, agents, artists (7111, 7113-7115)"),
    ("711", "R93", "spectator sports (7112)"),
    ("712", "R91", ""),
    ("713", "R92", "gambling industries (7132)"),
    ("713", "R93", "amusement parks, fitness, golf, marinas (7131, 7139)"),
    ("721", "I55", ""),
    ("722", "I56", ""),
    ("811", "C33", "commercial and industrial machinery repair (8113) is NACE 33.1"),
    ("811", "G45", "automotive repair and maintenance (8111) is NACE 45.2"),
    ("811", "S95", "electronic, household and personal goods repair (8112, 8114) is NACE 95"),
    ("812", "S96", J + "parking lots (81293) are NACE 52.21 and photofinishing 74.20; left with S96"),
    ("813", "S94", J + "grantmaking foundations (8132) are NACE 64.99/88.99; left with S94"),
]


RULE_WHOLE = "whole division listed"
RULE_PARTIAL = "division has groups/classes in this ecosystem (partial)"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def level_of(code: str) -> str:
    m = CODE_RE.match(code)
    if not m:
        raise ValueError(f"not a NACE Rev. 2 code in Eurostat form: {code}")
    if m.group(3) is None:
        return "division"
    return "group" if m.group(4) is None else "class"


def division_of(code: str) -> str:
    return code[:3]


def nested(a: str, b: str) -> bool:
    """True if one code equals or contains the other (C30 contains C30.3 contains C30.31)."""
    return a.startswith(b) or b.startswith(a)


def sbs_divisions(path: Path = SBS_FILE) -> tuple[set[str], dict[str, int]]:
    """2-digit NACE codes in the nace_r2 dimension of sbs_r_nuts06_r2, and their row counts.

    The first column of the TSV is a comma-joined key whose parts are named in the header cell
    (``nace_r2,indic_sb,geo\\time`` in this extraction); the position of ``nace_r2`` is read
    from the header rather than assumed.
    """
    found: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")[0].split(",")
        pos = header.index("nace_r2")
        for line in fh:
            key = line.split("\t", 1)[0].split(",")
            nace = key[pos].strip()
            if re.fullmatch(r"[A-U]\d{2}", nace):
                found[nace] = found.get(nace, 0) + 1
    return set(found), found


def build() -> None:
    # sections ------------------------------------------------------------------------------
    by_section: dict[str, list[str]] = {}
    for sec, code, _ in DIVISIONS:
        by_section.setdefault(sec, []).append(code)
    section_rows = []
    for sec, label in SECTIONS.items():
        codes = by_section[sec]
        span = codes[0] if len(codes) == 1 else f"{codes[0]}-{codes[-1]}"
        section_rows.append([sec, label, span])
    _write(HERE / "nace_r2_sections.csv", ["section", "label", "divisions"], section_rows)

    # divisions -----------------------------------------------------------------------------
    in_sbs, _counts = sbs_divisions()
    known = {sec + code for sec, code, _ in DIVISIONS}
    unknown = in_sbs - known
    if unknown:
        raise ValueError(f"SBS file has 2-digit codes that are not NACE divisions: {unknown}")
    division_rows = [
        [sec + code, code, sec, SECTIONS[sec], label, _bool(sec + code in in_sbs)]
        for sec, code, label in DIVISIONS
    ]
    _write(
        HERE / "nace_r2_divisions.csv",
        ["division", "code", "section", "section_label", "label", "in_sbs_r_nuts06"],
        division_rows,
    )

    # ecosystems ----------------------------------------------------------------------------
    _write(
        HERE / "ecosystems.csv",
        ["ecosystem_id", "ecosystem", "asmr_name"],
        [list(e) for e in ECOSYSTEMS],
    )

    # ecosystem_nace ------------------------------------------------------------------------
    seen = set()
    for eco, code, _, _ in ASSIGNMENTS:
        if (eco, code) in seen:
            raise ValueError(f"duplicate assignment {eco} {code}")
        seen.add((eco, code))
        if division_of(code) not in known:
            raise ValueError(f"{code}: division not in NACE Rev. 2")
        level_of(code)
    nace_rows = []
    for eco, code, title, note in ASSIGNMENTS:
        others = sorted(
            {e for e, c, _, _ in ASSIGNMENTS if e != eco and nested(c, code)}
        )
        source_note = f"{note}. Scope: {SCOPE_URL[eco]}"
        nace_rows.append(
            [
                eco,
                code,
                level_of(code),
                division_of(code),
                _bool(bool(others)),
                source_note,
                title,
                ";".join(others),
            ]
        )
    _write(
        HERE / "ecosystem_nace.csv",
        [
            "ecosystem_id",
            "nace_code",
            "level",
            "division",
            "shared",
            "source_note",
            "nace_label",
            "shared_with",
        ],
        nace_rows,
    )

    # ecosystem_division --------------------------------------------------------------------
    order = {sec + code: i for i, (sec, code, _) in enumerate(DIVISIONS)}
    pairs: dict[tuple[str, str], list[str]] = {}
    for eco, code, _, _ in ASSIGNMENTS:
        pairs.setdefault((eco, division_of(code)), []).append(code)
    div_rows = []
    for (eco, div), codes in sorted(pairs.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])):
        whole = div in codes
        div_rows.append(
            [
                eco,
                div,
                "1.0",
                RULE_WHOLE if whole else RULE_PARTIAL,
                _bool(not whole),
                ";".join(codes),
            ]
        )
    _write(
        HERE / "ecosystem_division.csv",
        ["ecosystem_id", "division", "weight", "rule", "partial", "nace_codes"],
        div_rows,
    )

    # naics_nace_division -------------------------------------------------------------------
    naics_rows = []
    for naics, division, note in NAICS_NACE:
        if naics not in NAICS_SUBSECTORS:
            raise ValueError(f"NAICS subsector {naics} has no title in NAICS_SUBSECTORS")
        if division not in known:
            raise ValueError(f"{naics} -> {division}: not a NACE Rev. 2 division")
        judgement = note.startswith(J)
        naics_rows.append(
            [naics, division, NAICS_SUBSECTORS[naics], _bool(judgement), note.removeprefix(J)]
        )
    _write(
        HERE / "naics_nace_division.csv",
        ["naics_subsector", "division", "naics_title", "judgement", "note"],
        naics_rows,
    )


def check() -> None:
    """Check the written files against datapackage.json and against each other."""
    import json

    import pandas as pd

    meta = json.loads((HERE / "datapackage.json").read_text(encoding="utf-8"))
    frames = {}
    for res in meta["resources"]:
        frame = pd.read_csv(HERE / res["path"], dtype=str, keep_default_na=False, na_values=[""])
        names = [f["name"] for f in res["schema"]["fields"]]
        assert list(frame.columns) == names, (res["name"], list(frame.columns), names)
        key = res["schema"]["primaryKey"]
        assert not frame.duplicated(key).any(), (res["name"], "duplicate primary key")
        for field in res["schema"]["fields"]:
            col, cons = frame[field["name"]], field.get("constraints", {})
            if cons.get("required"):
                assert col.notna().all(), (res["name"], field["name"], "missing value")
            present = col.dropna()
            if field["type"] == "boolean":
                assert present.isin(["true", "false"]).all(), (res["name"], field["name"])
            if "pattern" in cons:
                assert present.str.fullmatch(cons["pattern"]).all(), (res["name"], field["name"])
            if "enum" in cons:
                assert present.isin(cons["enum"]).all(), (res["name"], field["name"])
        frames[res["name"]] = frame
        for fk in res["schema"].get("foreignKeys", []):
            target = frames.get(fk["reference"]["resource"])
            if target is None:
                target = pd.read_csv(HERE / f"{fk['reference']['resource']}.csv", dtype=str)
            ok = frame[fk["fields"][0]].isin(target[fk["reference"]["fields"][0]])
            assert ok.all(), (res["name"], fk, frame.loc[~ok, fk["fields"][0]].tolist())

    divisions, sections = frames["nace_r2_divisions"], frames["nace_r2_sections"]
    assert len(divisions) == 88 and len(sections) == 21
    assert list(divisions["division"]) == sorted(divisions["division"], key=lambda d: d[1:])
    assert (divisions["division"] == divisions["section"] + divisions["code"]).all()
    eco, nace, div = frames["ecosystems"], frames["ecosystem_nace"], frames["ecosystem_division"]
    assert len(eco) == 14
    assert set(div["ecosystem_id"]) == set(eco["ecosystem_id"]), "an ecosystem has no division"
    assert (nace["division"] == nace["nace_code"].str[:3]).all()
    derived = set(zip(nace["ecosystem_id"], nace["division"], strict=True))
    assert derived == set(zip(div["ecosystem_id"], div["division"], strict=True))
    naics = frames["naics_nace_division"]
    assert set(naics["naics_subsector"]) == set(NAICS_SUBSECTORS), "a NAICS subsector has no row"
    print("check passed:", {k: len(v) for k, v in frames.items()})


if __name__ == "__main__":
    import sys

    if "--check" not in sys.argv:
        build()
        print("wrote", ", ".join(p.name for p in sorted(HERE.glob("*.csv"))))
    check()
