#!/usr/bin/env python3
"""Writes the CSV corpus of fr.passerelle.csv's tests: files shaped like the ones people bring
(French Excel, LibreOffice, other systems), byte for byte. Run it from this folder; the files are
committed, so the tests do not need it."""
import random
import zipfile

CRLF = "\r\n"


def write(name, text, encoding="utf-8", bom=b""):
    with open(name, "wb") as out:
        out.write(bom + text.encode(encoding))


# French Excel, "CSV UTF-8 (délimité par des points-virgules)": BOM, ';', CRLF.
write("excel-fr-utf8-bom-semicolon.csv", CRLF.join([
    "SIRET;Raison sociale;Code postal;Commune;Effectif",
    "13000548121800;Bâtiments Durand;21000;Dijon;12",
    "44306184100047;Société Générale d’Équipement;69003;Lyon 3e Arrondissement;",
    "55208131766522;Cœur de Bœuf & Fils;75011;Paris;53",
]) + CRLF, bom=b"\xef\xbb\xbf")

# An export of another system: UTF-8 without BOM, ',', LF, quotes around values holding a comma.
write("utf8-comma.csv", "\n".join([
    "siret,raison_sociale,adresse,commune",
    '13000548121800,Bâtiments Durand,"12, rue de la Liberté",Dijon',
    '44306184100047,"Durand, Martin et Cie","3, place Bellecour",Lyon',
]) + "\n")

# French Excel, "CSV (séparateur : point-virgule)": windows-1252, ';', CRLF.
write("windows-1252-semicolon.csv", CRLF.join([
    "SIRET;Raison sociale;Commune;Note",
    "13000548121800;Électricité Générale;Besançon;Très bien reçu",
    "44306184100047;Œuvres de l’Hôtel;Mâcon;Budget 1 500 €",
    "55208131766522;Façades Cœur;Nîmes;à rappeler en août",
]) + CRLF, encoding="cp1252")

# Tab-separated values.
write("tab-delimited.tsv", "\n".join([
    "SIRET\tRaison sociale\tCommune",
    "13000548121800\tBâtiments Durand\tDijon",
    "44306184100047\tTransports Martin; Fils\tLyon",
]) + "\n")

# Excel "Texte Unicode": UTF-16LE with BOM, tabs, CRLF.
write("excel-unicode-utf16le.txt", CRLF.join([
    "SIRET\tRaison sociale\tCommune",
    "13000548121800\tÉtablissements Pérez\tPérigueux",
]) + CRLF, encoding="utf-16-le", bom=b"\xff\xfe")

# Quoted values over several lines, with doubled quotes: line 1 header, a record on lines 2-4,
# one on line 5, one on lines 6-7.
write("quoted-multiline.csv", CRLF.join([
    "SIRET;Raison sociale;Notes",
    '13000548121800;"Le ""Bon"" Pain";"Première ligne',
    "deuxième ligne",
    'troisième ligne"',
    '44306184100047;Sans retour;"Une seule ligne, avec ; point-virgule"',
    '55208131766522;"Nom sur',
    'deux lignes";fin',
]) + CRLF)

# Blank lines before the header and between records, and a line of empty values as Excel writes it.
write("blank-lines.csv", CRLF.join([
    "",
    "",
    "SIRET;Raison sociale;Commune",
    "13000548121800;Bâtiments Durand;Dijon",
    "",
    ";;",
    "   ",
    "44306184100047;Transports Martin;Lyon",
    "",
]) + CRLF)

# Excel keeps the width of a sheet whose far columns were once used: empty columns at the end.
write("trailing-empty-columns.csv", CRLF.join([
    "SIRET;Raison sociale;Commune;;;",
    "13000548121800;Bâtiments Durand;Dijon;;;",
    "44306184100047;Transports Martin;Lyon;;;",
]) + CRLF, bom=b"\xef\xbb\xbf")

# Records with too few and too many values: the reader returns them, the import reports them.
write("wrong-column-count.csv", CRLF.join([
    "SIRET;Raison sociale;Commune",
    "13000548121800;Bâtiments Durand;Dijon",
    "44306184100047;Transports Martin",
    "55208131766522;Façades Cœur;Nîmes;en trop",
    "38012986643097;Boulangerie Petit;Auxerre;;",
]) + CRLF)

write("empty.csv", "")

write("header-only.csv", "SIRET;Raison sociale;Commune" + CRLF, bom=b"\xef\xbb\xbf")

write("unclosed-quote.csv", CRLF.join([
    "SIRET;Raison sociale",
    "13000548121800;Bâtiments Durand",
    '44306184100047;"Transports Martin',
    "55208131766522;Façades Cœur",
]) + CRLF)

rng = random.Random(20261123)
with open("binary-garbage.csv", "wb") as out:
    out.write(bytes(rng.randrange(256) for _ in range(4096)))

# Binary without a single NUL byte: control characters give it away.
with open("control-characters.csv", "wb") as out:
    out.write(bytes(rng.choice(list(range(1, 9)) + list(range(14, 32)) + list(range(65, 91))) for _ in range(4096)))

# A real (minimal) .xlsx: a zip archive.
with zipfile.ZipFile("spreadsheet.xlsx", "w", zipfile.ZIP_DEFLATED) as xlsx:
    xlsx.writestr("[Content_Types].xml",
                  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Default Extension="xml" ContentType="application/xml"/></Types>')
    xlsx.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook/>')

# An old .xls: an OLE2 compound file header.
with open("legacy.xls", "wb") as out:
    out.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
