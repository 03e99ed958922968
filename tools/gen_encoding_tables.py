#!/usr/bin/python3
"""Generates the conversion tables of src/encoding/ from public data.

Sources:
  * glibc charmaps (/usr/share/i18n/charmaps/*.gz, Debian package `locales`):
    CP1252, CP1258, VISCII (RFC 1456) and TCVN5712-1 (TCVN 5712:1993 VN1).
  * GNU recode's VPS charset (`recode -lf VPS`, Debian package `recode`),
    cross-checked letter by letter against VPS_CHART below, a transcription
    of a published VPS conversion table (see docs/encoding.md).
  * The Unicode Character Database (Python's unicodedata) for the
    decomposition of the Vietnamese letters.
  * Documented layout facts for the two font encodings that no charmap
    covers:
      - TCVN3 (".VnTime", VN3) is the upper half of VN1: the lower-case
        letters and the seven untoned capitals at 0xA1-0xFF. Real files keep
        ASCII control codes in C0 and Windows-1252 punctuation in 0x80-0x9F,
        so those ranges come from CP1252 instead of VN1's capitals.
      - VNI-Windows writes most letters as an ASCII base followed by one
        modifier byte whose Windows-1252 glyph hints at the mark; a few
        letters (d-stroke, o-horn, u-horn and the toned i, y-dot) are single
        bytes. The lists below spell those facts out.

Run from the repository root: /usr/bin/python3 tools/gen_encoding_tables.py
The output is committed; the build never runs this script.
"""
import gzip
import os
import re
import subprocess
import sys
import unicodedata

CHARMAPS = "/usr/share/i18n/charmaps"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "encoding")

VOWELS = "aăâeêioôơuưy"
# Tone order used everywhere: none, grave (huyền), hook (hỏi), tilde (ngã),
# acute (sắc), dot below (nặng).
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def read_charmap(name):
    table = {}
    with gzip.open(os.path.join(CHARMAPS, name + ".gz"), "rt", encoding="latin-1") as f:
        in_map = False
        for line in f:
            if line.startswith("CHARMAP"):
                in_map = True
                continue
            if line.startswith("END CHARMAP"):
                break
            if not in_map:
                continue
            m = re.match(r"<U([0-9A-Fa-f]{4,6})>\s+/x([0-9a-fA-F]{2})\s", line)
            if m:  # single-byte entries only; multi-byte ones are compositions
                byte = int(m.group(2), 16)
                table.setdefault(byte, int(m.group(1), 16))
    return table


def full_table(mapping, fallback):
    return [mapping.get(b, fallback[b] if fallback else b) for b in range(256)]


def cp1252_table():
    m = read_charmap("CP1252")
    # Undefined slots keep the C1 control so that every byte round-trips.
    return [m.get(b, b) for b in range(256)]


def tcvn3_table(cp1252):
    vn1 = read_charmap("TCVN5712-1")
    return [cp1252[b] if b < 0xA0 else vn1.get(b, b) for b in range(256)]


# VPS letters and their bytes as a published conversion table lists them
# (the table writes the capitals that have no slot of their own with the
# small letter's byte; those are left out here). Used to verify recode's
# table, and for the one letter recode leaves out (U+1ED6 at 0x99).
VPS_CHART = """
à E0 á E1 ả E4 ã E3 ạ E5 â E2 ầ C0 ấ C3 ẩ C4 ẫ C5 ậ C6 ă E6 ằ A2 ắ A1 ẳ A3
ẵ A4 ặ A5 đ C7 è E8 é E9 ẻ C8 ẽ EB ẹ CB ê EA ề 8A ế 89 ể 8B ễ CD ệ 8C ì EC
í ED ỉ CC ĩ EF ị CE ò F2 ó F3 ỏ D5 õ F5 ọ 86 ô F4 ồ D2 ố D3 ổ B0 ỗ 87 ộ B6
ơ D6 ờ A9 ớ A7 ở AA ỡ AB ợ AE ù F9 ú FA ủ FB ũ DB ụ F8 ư DC ừ D8 ứ D9 ử BA
ữ BB ự BF ỳ FF ý 9A ỷ 9B ỹ CF ỵ 9C À 80 Á C1 Ả 81 Ã 82 Â C2 Ầ 84 Ấ 83 Ẩ 85
Ă 88 Ằ 8E Ắ 8D Ẳ 8F Ẵ F0 Đ F1 È D7 É C9 Ẻ DE Ẽ FE Ê CA Ề 93 Ế 90 Ể 94 Ễ 95
Ì B5 Í B4 Ỉ B7 Ĩ B8 Ò BC Ó B9 Ỏ BD Õ BE Ô D4 Ồ 97 Ố 96 Ổ 98 Ỗ 99 Ơ F7 Ờ 9E
Ớ 9D Ở 9F Ỡ A6 Ù A8 Ú DA Ủ D1 Ũ AC Ư D0 Ừ AF Ứ AD Ử B1 Ỳ B2 Ý DD Ỷ FD Ỹ B3
"""


def read_recode(name):
    """Byte -> code point of a recode charset; {} when recode is missing."""
    try:
        listing = subprocess.run(["recode", "-lf", name], capture_output=True,
                                 check=True).stdout.decode("latin-1")
    except (OSError, subprocess.CalledProcessError):
        return {}
    table = {}
    for line in listing.splitlines():
        m = re.match(r"\s*\d+\s+\d+\s+([0-9a-f]{2})\s+([0-9A-F]{4})\b", line)
        if m:
            table[int(m.group(1), 16)] = int(m.group(2), 16)
    return table


def vps_table(cp1252):
    recode = read_recode("VPS")
    if not recode:
        sys.exit("VPS needs GNU recode (apt-get install recode)")
    words = VPS_CHART.split()
    chart = {ord(words[i]): int(words[i + 1], 16) for i in range(0, len(words), 2)}
    by_letter = {cp: b for b, cp in recode.items()}
    for letter, byte in chart.items():
        if letter in by_letter and by_letter[letter] != byte:
            sys.exit(f"VPS sources disagree on {chr(letter)}: "
                     f"recode 0x{by_letter[letter]:02X}, chart 0x{byte:02X}")
    table = {}
    table.update(recode)
    for letter, byte in chart.items():
        if letter not in by_letter:
            assert byte not in recode, (chr(letter), byte)
            table[byte] = letter
    # Every Vietnamese letter must have a byte of its own.
    have = set(table.values())
    for v in VOWELS:
        for tone in range(6):
            for upper in (False, True):
                assert compose(v, tone, upper) in have, (v, tone, upper)
    # Slots neither source assigns (0x91 0x92 0xA0 0xDF 0xE7 0xEE 0xF6 0xFC)
    # keep Windows-1252, as the fonts do for the punctuation they did not
    # redefine.
    return [table.get(b, cp1252[b]) for b in range(256)]


def compose(base, tone, upper):
    s = unicodedata.normalize("NFC", base + TONE_MARKS[tone])
    if upper:
        s = s.upper()
    assert len(s) == 1, (base, tone)
    return ord(s)


# VNI-Windows facts. Modifier bytes (lower-case forms; the capital forms are
# 0x20 lower) and the mark they add to the preceding base letter.
VNI_MODIFIERS = {
    0xF9: ("", 4), 0xF8: ("", 1), 0xFB: ("", 2), 0xF5: ("", 3), 0xEF: ("", 5),
    0xE2: ("\u0302", 0), 0xE1: ("\u0302", 4), 0xE0: ("\u0302", 1),
    0xE5: ("\u0302", 2), 0xE3: ("\u0302", 3), 0xE4: ("\u0302", 5),
    0xEA: ("\u0306", 0), 0xE9: ("\u0306", 4), 0xE8: ("\u0306", 1),
    0xFA: ("\u0306", 2), 0xFC: ("\u0306", 3), 0xEB: ("\u0306", 5),
}
# Single-byte letters (lower-case byte, letter); capitals are 0x20 lower.
VNI_SINGLE = {0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xED: "í", 0xEC: "ì",
              0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ"}
VNI_BASES = "aeouyơư"  # letters a modifier can follow (i takes single bytes)


def vni_tables(cp1252):
    single = list(cp1252)
    for byte, letter in VNI_SINGLE.items():
        single[byte] = ord(letter)
        single[byte - 0x20] = ord(letter.upper())
    bases = []  # (lower byte, base letter)
    for letter in VNI_BASES:
        if letter in VNI_SINGLE.values():
            byte = [b for b, l in VNI_SINGLE.items() if l == letter][0]
        else:
            byte = ord(letter)
        bases.append((byte, letter))
    pairs = []  # (base byte, modifier byte, code point)
    for byte, letter in bases:
        for mod, (diacritic, tone) in VNI_MODIFIERS.items():
            if diacritic == "\u0302" and letter not in "aeo":
                continue
            if diacritic == "\u0306" and letter != "a":
                continue
            base = unicodedata.normalize("NFC", letter + diacritic)
            for upper in (False, True):
                cp = compose(base, tone, upper)
                bb = byte - 0x20 if upper else byte
                mm = mod - 0x20 if upper else mod
                pairs.append((bb, mm, cp))
    return single, sorted(pairs)


def letter_tables():
    """Decomposition of every precomposed Vietnamese letter."""
    compose_rows = []
    info = {}
    for v, base in enumerate(VOWELS):
        row = []
        for tone in range(6):
            for upper in (False, True):
                cp = compose(base, tone, upper)
                row.append(cp)
                info[cp] = (v + 1, tone, upper)
        compose_rows.append(row)
    info[ord("đ")] = (13, 0, False)
    info[ord("Đ")] = (13, 0, True)
    return compose_rows, info


def emit_table(out, name, values, ctype="char16_t"):
    out.write(f"constexpr {ctype} {name}[{len(values)}] = {{\n")
    for i in range(0, len(values), 8):
        out.write("    " + " ".join(f"0x{v:04X}," for v in values[i:i + 8]) + "\n")
    out.write("};\n\n")


HEADER = "// Generated by tools/gen_encoding_tables.py from {}; do not edit.\n\n"


def main():
    cp1252 = cp1252_table()
    tables = {
        "kCp1252": cp1252,
        "kTcvn3": tcvn3_table(cp1252),
        "kViscii": full_table(read_charmap("VISCII"), None),
        "kCp1258": full_table(read_charmap("CP1258"), cp1252),
        "kVps": vps_table(cp1252),
    }
    with open(os.path.join(OUT, "tables_charsets.inc"), "w") as out:
        out.write(HEADER.format("the glibc charmaps CP1252, CP1258, VISCII, TCVN5712-1 "
                                "and recode's VPS"))
        out.write("// Byte -> code point. TCVN3 is VN1's upper half (0xA0-0xFF) over\n"
                  "// Windows-1252 (0x00-0x9F). VPS keeps Windows-1252 in the slots it\n"
                  "// does not define.\n\n")
        for name, values in tables.items():
            emit_table(out, name + "Table", values)

    single, pairs = vni_tables(cp1252)
    with open(os.path.join(OUT, "tables_vni.inc"), "w") as out:
        out.write(HEADER.format("the documented VNI-Windows layout"))
        out.write("// Single bytes (Windows-1252 with the VNI single-byte letters).\n")
        emit_table(out, "kVniSingleTable", single)
        out.write("// Base byte + modifier byte -> letter, sorted by (base, modifier).\n")
        out.write("struct VniPair {\n  uint8_t base;\n  uint8_t modifier;\n  char16_t letter;\n};\n")
        out.write(f"constexpr VniPair kVniPairs[{len(pairs)}] = {{\n")
        for b, m, cp in pairs:
            out.write(f"    {{0x{b:02X}, 0x{m:02X}, 0x{cp:04X}}},  // {chr(cp)}\n")
        out.write("};\n")

    rows, info = letter_tables()
    with open(os.path.join(OUT, "tables_letters.inc"), "w") as out:
        out.write(HEADER.format("the Unicode Character Database"))
        out.write(f"// Vowels in table order: {VOWELS}. Columns: tone 0-5 (none, grave,\n"
                  "// hook, tilde, acute, dot below) x (lower, upper).\n")
        out.write(f"constexpr char16_t kVowelCompose[{len(rows)}][12] = {{\n")
        for row in rows:
            out.write("    {" + ", ".join(f"0x{v:04X}" for v in row) + "},\n")
        out.write("};\n\n")
        out.write("// Code point -> (vowel index + 1 or 13 for d-stroke) | tone << 4 |\n"
                  "// upper << 7, for the two Unicode blocks holding Vietnamese letters.\n")
        for lo, hi, name in ((0x00C0, 0x01B0, "kLetterInfoLatin"), (0x1EA0, 0x1EF9, "kLetterInfoExt")):
            vals = []
            for cp in range(lo, hi + 1):
                if cp in info:
                    v, t, u = info[cp]
                    vals.append(v | (t << 4) | (0x80 if u else 0))
                else:
                    vals.append(0)
            out.write(f"constexpr char32_t {name}First = 0x{lo:04X};\n")
            emit_table(out, name, vals, "uint8_t")
    print("tables written to", os.path.normpath(OUT))


if __name__ == "__main__":
    sys.exit(main())
