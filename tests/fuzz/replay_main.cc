// Replays fuzz inputs (files or folders) through LLVMFuzzerTestOneInput, and
// also every prefix cut of each file at a few points, so truncated inputs
// are exercised too.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  size_t count = 0;
  auto run = [&](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string data = ss.str();
    for (size_t cut : {data.size(), data.size() / 2, data.size() / 3, size_t{7},
                       size_t{0}}) {
      if (cut > data.size()) continue;
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()),
                             cut);
    }
    ++count;
  };
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path p(argv[i]);
    // A target without saved cases has no cases folder.
    if (!std::filesystem::exists(p)) continue;
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file()) run(e.path().string());
    } else {
      run(p.string());
    }
  }
  std::printf("replayed %zu inputs\n", count);
  return 0;
}
