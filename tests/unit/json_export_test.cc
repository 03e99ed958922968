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

}  // namespace
}  // namespace vnlegal
