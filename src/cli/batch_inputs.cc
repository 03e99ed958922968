#include "cli/batch_inputs.h"

#include <dirent.h>
#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace vnlegal::cli {
namespace fs = std::filesystem;

namespace {

bool has_wildcard(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

bool ends_with(const std::string& s, const char* suffix) {
  const size_t n = std::char_traits<char>::length(suffix);
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i) {
    char c = s[s.size() - n + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// glob(3) has no "**"; a pattern with it matches, across folders, every
// file under the literal prefix ("corpus/**/*.txt" -> under "corpus").
std::vector<std::string> expand_recursive_glob(const std::string& pattern) {
  std::vector<std::string> out;
  const size_t star = pattern.find("**");
  const size_t slash = pattern.rfind('/', star);
  const std::string base =
      slash == std::string::npos ? "." : pattern.substr(0, slash + 1);
  // "a/**/b" must also match "a/b".
  std::string collapsed = pattern;
  for (size_t p; (p = collapsed.find("**/")) != std::string::npos;)
    collapsed.replace(p, 3, "");
  std::error_code ec;
  fs::recursive_directory_iterator it(base, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string leaf = it->path().filename().string();
    if (!leaf.empty() && leaf[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string p = it->path().string();
    if (slash == std::string::npos && p.rfind("./", 0) == 0) p = p.substr(2);
    if (fnmatch(pattern.c_str(), p.c_str(), 0) == 0 ||
        fnmatch(collapsed.c_str(), p.c_str(), 0) == 0)
      out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> expand_glob(const std::string& pattern) {
  if (pattern.find("**") != std::string::npos)
    return expand_recursive_glob(pattern);
  std::vector<std::string> out;
  glob_t g{};
  if (glob(pattern.c_str(), 0, nullptr, &g) == 0)
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  globfree(&g);
  return out;  // glob(3) sorts its matches
}

}  // namespace

bool is_archive_name(const std::string& path) {
  for (const char* ext : {".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2",
                          ".tbz2", ".tar.xz", ".txz", ".tar.zst"})
    if (ends_with(path, ext)) return true;
  return false;
}

std::vector<InputItem> expand_archive(const std::string& path) {
  // ARCHIVE HOOK: once include/vnlegal/io.h provides
  //   std::vector<ArchiveMember> read_archive(std::string_view bytes);
  // read the archive here and return one item per member document:
  //   item.path = path + "!" + member.name; item.bytes = member.bytes;
  //   item.size = member.bytes.size();
  // (a member that cannot be read becomes an item with `error` set).
  // Returning nothing makes the batch parse the archive as one input.
  (void)path;
  return {};
}

struct InputWalker::Frame {
  std::string dir;  // with a trailing '/'
  // Sorted by name; the type comes from the listing (d_type), so walking a
  // folder costs no stat() per file.
  std::vector<std::pair<std::string, fs::file_type>> entries;
  size_t next = 0;
};

InputWalker::InputWalker(std::vector<std::string> args, std::string from_list,
                         std::istream* list_in, bool with_sizes)
    : args_(std::move(args)),
      from_list_(std::move(from_list)),
      list_in_(list_in),
      with_sizes_(with_sizes) {}

InputWalker::~InputWalker() = default;

void InputWalker::exclude(const std::vector<std::string>& paths) {
  excluded_ = paths;
}

bool InputWalker::excluded(const std::string& path) const {
  if (excluded_.empty()) return false;
  const std::string leaf = fs::path(path).filename().string();
  for (const std::string& e : excluded_) {
    // Names first (no system call); identity only when a name matches.
    if (fs::path(e).filename().string() != leaf) continue;
    std::error_code ec;
    if (fs::equivalent(path, e, ec)) return true;
  }
  return false;
}

bool InputWalker::emit(std::string path, uint64_t size, std::string error,
                       InputItem& item) {
  if (error.empty() && is_archive_name(path)) {
    std::vector<InputItem> members = expand_archive(path);
    if (!members.empty()) {
      members_ = std::move(members);
      member_index_ = 0;
      return next(item);
    }
  }
  item = InputItem{};
  item.seq = seq_++;
  item.path = std::move(path);
  item.size = size;
  item.error = std::move(error);
  return true;
}

// Turns one name (argument, list line or glob match) into an item, or into
// a folder frame to walk; returns false when it produced no item yet.
bool InputWalker::expand(const std::string& name, InputItem& item) {
  std::error_code ec;
  const fs::file_status st = fs::status(name, ec);
  if (!ec && fs::is_directory(st)) {
    Frame frame;
    frame.dir = name;
    // readdir() rather than std::filesystem, whose entries cost an lstat()
    // each: d_type already says what the entry is on common file systems.
    DIR* dir = opendir(name.c_str());
    if (!dir)
      return emit(
          name, 0,
          "cannot list folder: " + std::generic_category().message(errno),
          item);
    while (const dirent* e = readdir(dir)) {
      if (e->d_name[0] == '.') continue;         // hidden, and "." and ".."
      fs::file_type type = fs::file_type::none;  // unknown: lstat() later
      switch (e->d_type) {
        case DT_REG:
          type = fs::file_type::regular;
          break;
        case DT_DIR:
          type = fs::file_type::directory;
          break;
        case DT_LNK:
          type = fs::file_type::symlink;
          break;
        case DT_UNKNOWN:
          break;
        default:
          type = fs::file_type::unknown;
          break;  // fifo, socket...
      }
      frame.entries.emplace_back(e->d_name, type);
    }
    closedir(dir);
    if (!frame.dir.empty() && frame.dir.back() != '/') frame.dir.push_back('/');
    std::sort(frame.entries.begin(), frame.entries.end());
    stack_.push_back(std::move(frame));
    return false;
  }
  if (!ec && fs::exists(st)) {
    const uint64_t size =
        with_sizes_ && fs::is_regular_file(st) ? fs::file_size(name, ec) : 0;
    return emit(name, ec ? 0 : size, "", item);
  }
  if (has_wildcard(name)) {
    std::vector<std::string> matches = expand_glob(name);
    if (matches.empty())
      return emit(name, 0, "no file matches the pattern", item);
    // Matches are expanded one by one by next(), ahead of the next argument.
    pending_.insert(pending_.begin() + static_cast<long>(pending_index_),
                    matches.begin(), matches.end());
    return false;
  }
  return emit(name, 0, "no such file or folder", item);
}

bool InputWalker::next(InputItem& item) {
  for (;;) {
    if (member_index_ < members_.size()) {
      item = std::move(members_[member_index_++]);
      item.seq = seq_++;
      if (member_index_ == members_.size()) members_.clear(), member_index_ = 0;
      return true;
    }
    if (!stack_.empty()) {
      Frame& top = stack_.back();
      if (top.next == top.entries.size()) {
        stack_.pop_back();
        continue;
      }
      const auto& [leaf, type] = top.entries[top.next++];
      const std::string path = top.dir + leaf;
      std::error_code ec;
      if (type == fs::file_type::unknown) continue;  // fifos, sockets...
      const fs::file_status link = type == fs::file_type::none
                                       ? fs::symlink_status(path, ec)
                                       : fs::file_status(type);
      if (ec) continue;
      if (fs::is_symlink(link)) {
        // Files behind links are inputs; folders behind links are not walked.
        const fs::file_status target = fs::status(path, ec);
        if (ec || !fs::is_regular_file(target)) continue;
      } else if (fs::is_directory(link)) {
        if (expand(path, item)) return true;
        continue;
      } else if (!fs::is_regular_file(link)) {
        continue;  // sockets, fifos, devices
      }
      if (excluded(path)) continue;
      const uint64_t size = with_sizes_ ? fs::file_size(path, ec) : 0;
      return emit(path, ec ? 0 : size, "", item);
    }
    if (pending_index_ < pending_.size()) {
      const std::string name = pending_[pending_index_++];
      if (pending_index_ == pending_.size())
        pending_.clear(), pending_index_ = 0;
      if (excluded(name)) continue;
      if (expand(name, item)) return true;
      continue;
    }
    if (reading_list_) {
      std::string line;
      if (std::getline(*reading_list_, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
          line.pop_back();
        if (line.empty()) continue;
        if (expand(line, item)) return true;
        continue;
      }
      reading_list_ = nullptr;
      continue;
    }
    if (arg_index_ < args_.size()) {
      const std::string& arg = args_[arg_index_++];
      if (arg == "-") {
        if (list_in_) reading_list_ = list_in_;
        continue;
      }
      if (expand(arg, item)) return true;
      continue;
    }
    if (!from_list_.empty() && !from_list_opened_) {
      from_list_opened_ = true;
      if (from_list_ == "-") {
        reading_list_ = list_in_;
      } else {
        list_file_ = std::make_unique<std::ifstream>(from_list_);
        if (!*list_file_)
          return emit(from_list_, 0, "cannot open the list of inputs", item);
        reading_list_ = list_file_.get();
      }
      continue;
    }
    return false;
  }
}

}  // namespace vnlegal::cli
