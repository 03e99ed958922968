// Internals of `vnlegal batch`: input enumeration, the bounded hand-offs and
// the JSON Lines records. The command itself is tested end to end in
// tests/batch/test_batch.py.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "cli/batch_inputs.h"
#include "cli/batch_queue.h"
#include "cli/batch_sink.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal::cli {
namespace {
namespace fs = std::filesystem;

class TempTree {
 public:
  TempTree() {
    root_ = fs::temp_directory_path() /
            ("vnlegal_batch_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter_++));
    fs::create_directories(root_);
  }
  ~TempTree() { fs::remove_all(root_); }
  std::string add(const std::string& rel, const std::string& content = "x") {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }
  std::string path(const std::string& rel = "") const {
    return rel.empty() ? root_.string() : (root_ / rel).string();
  }

 private:
  static inline int counter_ = 0;
  fs::path root_;
};

std::vector<InputItem> walk(std::vector<std::string> args,
                            std::string from_list = "",
                            std::istream* in = nullptr) {
  InputWalker walker(std::move(args), std::move(from_list), in,
                     /*with_sizes=*/true);
  std::vector<InputItem> items;
  InputItem item;
  while (walker.next(item)) items.push_back(item);
  return items;
}

std::vector<std::string> paths(const std::vector<InputItem>& items) {
  std::vector<std::string> out;
  for (const InputItem& i : items) out.push_back(i.path);
  return out;
}

TEST(BatchInputs, FoldersAreWalkedDepthFirstInNameOrder) {
  TempTree t;
  const std::string b = t.add("b.txt"), a = t.add("a.txt", "hello"),
                    c1 = t.add("c/1.txt"), c0 = t.add("c/0/z.txt"),
                    d = t.add("d.txt");
  t.add(".git/config");
  t.add("c/.hidden");
  const std::vector<InputItem> items = walk({t.path()});
  EXPECT_EQ(paths(items), (std::vector<std::string>{a, b, c0, c1, d}));
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].seq, i);
    EXPECT_TRUE(items[i].error.empty());
  }
  EXPECT_EQ(items[0].size, 5u);
}

TEST(BatchInputs, ArgumentsKeepTheirOrderAndMissingOnesBecomeErrors) {
  TempTree t;
  const std::string a = t.add("a.txt"), b = t.add("b.txt");
  const std::vector<InputItem> items = walk({b, t.path("missing.txt"), a});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].path, b);
  EXPECT_EQ(items[1].path, t.path("missing.txt"));
  EXPECT_FALSE(items[1].error.empty());
  EXPECT_EQ(items[2].path, a);
  EXPECT_TRUE(items[2].error.empty());
}

TEST(BatchInputs, GlobsExpandInOrderAndDoubleStarCrossesFolders) {
  TempTree t;
  const std::string a = t.add("a.txt"), b = t.add("b.md"), c = t.add("x/c.txt"),
                    d = t.add("x/y/d.txt");
  struct Case {
    std::string pattern;
    std::vector<std::string> expected;
  } cases[] = {
      {t.path("*.txt"), {a}},
      {t.path("[ab].*"), {a, b}},
      {t.path("**/*.txt"), {a, c, d}},
      {t.path("x/**/*.txt"), {c, d}},
  };
  for (const Case& k : cases)
    EXPECT_EQ(paths(walk({k.pattern})), k.expected) << k.pattern;
  const std::vector<InputItem> none = walk({t.path("*.pdf")});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_FALSE(none[0].error.empty());
}

TEST(BatchInputs, ListsComeFromStdinAndFromAFile) {
  TempTree t;
  const std::string a = t.add("a.txt"), b = t.add("sub/b.txt"),
                    c = t.add("c.txt");
  const std::string list = t.add("list", c + "\r\n\n");
  std::istringstream in(a + "\n" + t.path("sub") + "\n");
  EXPECT_EQ(paths(walk({"-"}, list, &in)), (std::vector<std::string>{a, b, c}));
}

TEST(BatchInputs, ArchivesAreRecognisedByName) {
  for (const char* name : {"a.zip", "A.ZIP", "x/b.tar", "c.tar.gz", "d.tgz"})
    EXPECT_TRUE(is_archive_name(name)) << name;
  for (const char* name : {"a.docx", "b.txt", "zip", "c.gz"})
    EXPECT_FALSE(is_archive_name(name)) << name;
}

TEST(BatchQueue, OrderedWindowHandsOutInSequenceOrder) {
  ResultWindow<int> window(4, /*ordered=*/true);
  for (uint64_t seq : {2, 0, 3, 1}) {
    ASSERT_TRUE(window.reserve(seq));
    window.put(seq, static_cast<int>(seq) * 10);
  }
  window.set_total(4);
  std::vector<int> got;
  int v = 0;
  while (window.take(v, std::chrono::milliseconds(1000)) ==
         ResultWindow<int>::Take::kValue)
    got.push_back(v);
  EXPECT_EQ(got, (std::vector<int>{0, 10, 20, 30}));
}

TEST(BatchQueue, OrderedWindowHoldsBackWorkTooFarAhead) {
  ResultWindow<int> window(2, /*ordered=*/true);
  ASSERT_TRUE(window.reserve(1));
  std::atomic<bool> reserved{false};
  std::thread ahead([&] {
    window.reserve(2);  // 2 >= next (0) + capacity (2): waits
    reserved = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(reserved);
  ASSERT_TRUE(window.reserve(0));
  window.put(0, 0);
  int v = -1;
  EXPECT_EQ(window.take(v, std::chrono::milliseconds(1000)),
            ResultWindow<int>::Take::kValue);
  ahead.join();
  EXPECT_TRUE(reserved);
}

TEST(BatchQueue, UnorderedWindowBoundsWorkInFlight) {
  ResultWindow<int> window(2, /*ordered=*/false);
  ASSERT_TRUE(window.reserve(5));
  ASSERT_TRUE(window.reserve(3));
  std::thread third([&] { window.reserve(4); });
  window.put(3, 3);
  int v = 0;
  EXPECT_EQ(window.take(v, std::chrono::milliseconds(1000)),
            ResultWindow<int>::Take::kValue);
  EXPECT_EQ(v, 3);
  third.join();  // room again after one result was taken
  window.cancel();
  EXPECT_FALSE(window.reserve(9));
}

TEST(BatchQueue, BoundedQueueDrainsThenEnds) {
  BoundedQueue<int> q(2);
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) q.push(i);
    q.close();
  });
  int expected = 0;
  while (std::optional<int> v = q.pop()) EXPECT_EQ(*v, expected++);
  producer.join();
  EXPECT_EQ(expected, 100);
}

TEST(BatchJsonl, CompactLineIsTheSameObjectOnOneLine) {
  const std::string text =
      "NGHỊ QUYẾT\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n"
      "\"trích dẫn\"\tvà \\ ký tự\n";
  const std::string pretty = to_json(parse(text, {}, "a \"b\".txt"), true);
  const std::string line = compact_json(pretty);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(nlohmann::ordered_json::parse(line),
            nlohmann::ordered_json::parse(pretty));
  EXPECT_EQ(line.rfind("{\"schema_version\":\"1\",\"source\":{\"path\":", 0),
            0u);
}

TEST(BatchJsonl, ErrorRecordNamesTheInputAndTheError) {
  BatchRecord r;
  r.path = "thư mục/a.txt";
  r.size = 12;
  r.error_code = "unreadable";
  r.error_message = "cannot read: Permission denied";
  const nlohmann::json j = nlohmann::json::parse(error_record_json(r));
  EXPECT_EQ(j["schema_version"], "1");
  EXPECT_EQ(j["source"]["path"], "thư mục/a.txt");
  EXPECT_TRUE(j["source"]["sha256"].is_null());
  EXPECT_EQ(j["source"]["size"], 12);
  EXPECT_EQ(j["error"]["code"], "unreadable");
  EXPECT_EQ(j["error"]["message"], "cannot read: Permission denied");
}

TEST(BatchJsonl, ResumeKeepsCompleteRecordsAndDropsTornAndFailedOnes) {
  TempTree t;
  const std::string out = t.path("out.jsonl");
  BatchRecord ok;
  ok.path = "a.txt";
  ok.sha256 = std::string(64, 'a');
  ok.json_line =
      R"({"schema_version":"1","source":{"path":"a.txt","sha256":")" +
      ok.sha256 + R"("}})";
  BatchRecord failed;
  failed.path = "b.txt";
  failed.error_code = "unreadable";
  {
    std::unique_ptr<Sink> sink = open_jsonl_sink(out, false);
    sink->write(ok);
    sink->write(failed);
    // Not finished: as if the process had been killed here, mid-record.
  }
  std::ofstream(out + ".partial", std::ios::app)
      << R"({"schema_version":"1","so)";
  EXPECT_FALSE(fs::exists(out));
  std::unique_ptr<Sink> sink = open_jsonl_sink(out, true);
  EXPECT_EQ(sink->done(),
            (std::unordered_set<std::string>{resume_key(ok.sha256, "a.txt")}));
  BatchRecord c = ok;
  c.path = "c.txt";
  c.json_line = R"({"schema_version":"1","source":{"path":"c.txt","sha256":")" +
                ok.sha256 + R"("}})";
  sink->write(c);
  sink->finish();
  std::ifstream in(out);
  std::string all((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(all, ok.json_line + "\n" + c.json_line + "\n");
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

}  // namespace
}  // namespace vnlegal::cli
