// vnlegal_encode FORM IN OUT EXPECTED: writes the UTF-8 text of IN in FORM
// (the test encoder's forms: TCVN3, VNI, VISCII, CP1258, VPS, VIQR, ...) to
// OUT, and to EXPECTED the NFC text a correct decoder gives back (the
// legacy forms cannot hold every character, e.g. TCVN3's capitals). Used by
// tests/robustness/variants.py.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "encoding/encoder.h"

namespace {

bool write_file(const char* path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  using vnlegal::test::Form;
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s FORM IN OUT EXPECTED\n", argv[0]);
    return 2;
  }
  const std::string name = argv[1];
  const Form forms[] = {
      Form::kNfc,         Form::kNfd,        Form::kToHop, Form::kUtf16LE,
      Form::kUtf16BE,     Form::kUtf16LEBom, Form::kTcvn3, Form::kVni,
      Form::kViscii,      Form::kCp1258,     Form::kViqr,  Form::kMojibakeTcvn3,
      Form::kMojibakeVni, Form::kVps};
  for (Form f : forms) {
    if (name != vnlegal::test::form_name(f)) continue;
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", argv[2]);
      return 1;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string nfc = vnlegal::test::normalize(buf.str(), false);
    const vnlegal::test::Encoded e = vnlegal::test::encode(nfc, f);
    if (!write_file(argv[3], e.bytes) || !write_file(argv[4], e.expected)) {
      std::fprintf(stderr, "cannot write %s or %s\n", argv[3], argv[4]);
      return 1;
    }
    return 0;
  }
  std::fprintf(stderr, "unknown form %s\n", argv[1]);
  return 2;
}
