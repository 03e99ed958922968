// The JSON writer: valid JSON, the contract's keys, and compact output equal
// to the pretty output re-serialised compactly by a JSON library.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "vnlegal/vnlegal.h"

namespace vnlegal {
namespace {

using Json = nlohmann::ordered_json;

TEST(JsonExport, CompactEqualsLibraryReserialisationOnTheCorpus) {
  const std::string dir = std::string(VNLEGAL_SOURCE_DIR) + "/corpus/docs";
  int count = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (ext != ".txt" && ext != ".md") continue;
    Document doc = parse_file(e.path().string());
    const std::string pretty = to_json(doc);
    JsonOptions compact;
    compact.compact = true;
    std::string line = to_json(doc, compact);
    ASSERT_EQ(line.back(), '\n');
    line.pop_back();
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(Json::parse(pretty).dump(), line) << e.path();
    ++count;
  }
  EXPECT_GT(count, 50);
}

TEST(JsonExport, ContractKeysAndEscaping) {
  Document doc = parse(
      "Số: 01/NQ-HĐND\nNGHỊ QUYẾT\nVề \"trích\" \\ \t thử\nQUYẾT NGHỊ:\nĐiều "
      "1. Một.\n");
  JsonOptions options;
  options.include_text = true;
  Json j = Json::parse(to_json(doc, options));
  for (const char* key : {"schema_version", "source", "metadata", "body",
                          "references", "quantities", "diagnostics", "text"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["schema_version"], "1");
  EXPECT_EQ(j["metadata"]["number"], "01/NQ-HĐND");
  EXPECT_EQ(j["text"].get<std::string>(), doc.text);
  EXPECT_EQ(j["body"]["kind"], "document");
}

TEST(JsonExport, StringsAreWrittenAsTheJsonLibraryWritesThem) {
  // Every control character, quote and backslash, DEL, Vietnamese, a line
  // separator, and invalid UTF-8 (replaced by U+FFFD): the writer copies
  // runs that need no escaping, so its bytes must still be the library's.
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  const std::string cases[] = {
      "",
      "plain ascii",
      "Nghị quyết số 01/NQ-HĐND",
      controls,
      "a\"b\\c\nd\te\x7F",
      "\xE2\x80\xA8 line separator",
      "Ngh\xE1\xBB",             // truncated sequence
      "C\xE9ng ho\xB5 \"x\"\n",  // TCVN3 bytes, then characters to escape
      std::string("nul\0inside", 10),
  };
  for (const std::string& s : cases) {
    Document doc;
    doc.text = s;
    JsonOptions options;
    options.include_text = true;
    options.compact = true;
    const std::string line = to_json(doc, options);
    const std::string expected =
        Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    EXPECT_NE(line.find("\"text\":" + expected), std::string::npos)
        << testing::PrintToString(s) << " -> " << line;
  }
}

}  // namespace
}  // namespace vnlegal
