// The JSON writer: valid JSON, the contract's keys, and compact output equal
// to the pretty output re-serialised compactly by a JSON library.
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(JsonExport, WebsiteNotesCiteApart) {
  // A legal website's note in brackets (078) cites a decree issued after the
  // resolution: not the enacted text, so not among its references, nor the
  // antecedent of "Nghị định nêu trên" after it.
  Document doc = parse(
      "NGHỊ QUYẾT\nQUYẾT NGHỊ:\nĐiều 1. Thực hiện theo Nghị định số "
      "15/2018/NĐ-CP và khoản 2 Điều 5 Nghị định này.\n[Điều này được hướng "
      "dẫn bởi Chương II Nghị định 26/2021/NĐ-CP có hiệu lực từ ngày "
      "25/3/2021]\nĐiều 2. Áp dụng Nghị định nêu trên.\n");
  size_t notes = 0;
  for (const Reference& r : doc.references) notes += r.editorial;
  ASSERT_EQ(notes, 2u);  // "Điều này" and the decree in the note
  Json j = Json::parse(to_json(doc, JsonOptions()));
  std::vector<std::string> own, site;
  for (const Json& r : j["references"]) {
    own.push_back(r["text"].get<std::string>());
    EXPECT_FALSE(r["editorial"].get<bool>());
    // Antecedents are indices into the same array.
    if (!r["antecedent"].is_null())
      EXPECT_EQ(j["references"][r["antecedent"].get<int>()]["number"],
                "15/2018/NĐ-CP");
  }
  for (const Json& r : j["editorial_references"]) {
    site.push_back(r["number"].is_null() ? "" : r["number"].get<std::string>());
    EXPECT_TRUE(r["editorial"].get<bool>());
  }
  EXPECT_EQ(own.size() + site.size(), doc.references.size());
  EXPECT_EQ(site, (std::vector<std::string>{"", "26/2021/NĐ-CP"}));
  ASSERT_EQ(own.size(), 3u);
  EXPECT_EQ(own[2], "Nghị định nêu trên");
  EXPECT_EQ(j["references"][2]["antecedent"], 0);
}

}  // namespace
}  // namespace vnlegal
